package io.stsgate.directory.store;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of directory entry the store holds, one per entry type of the declarative file. */
public enum EntryKind {
    ACCOUNT("account"),
    USER("user"),
    ACCESS_KEY("access-key"),
    MFA_DEVICE("mfa-device"),
    ROLE("role"),
    MANAGED_POLICY("managed-policy"),
    OIDC_PROVIDER("oidc-provider"),
    SAML_PROVIDER("saml-provider"),
    WORKLOAD_ASSOCIATION("workload-association"),
    API("api"),
    BUCKET("bucket");

    private final String wireName;

    EntryKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the store and in the admin API. */
    public String wireName() {
        return wireName;
    }

    /** Whether entries of this kind are named across the directory, in no account (stored with account id ""). */
    public boolean outsideAccounts() {
        return this == API || this == BUCKET;
    }

    public static Optional<EntryKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
