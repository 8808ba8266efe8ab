package io.stsgate.directory;

import java.util.Optional;

/** What a revocation matches: one temporary credential, or every session of a role, a subject or a source identity. */
public enum RevocationScope {
    /** One temporary credential, by its {@code ASIA…} access key id, whenever it was issued. */
    ACCESS_KEY("access-key"),
    /** The sessions of a role (target: the role ARN) issued before a time: AWS's "revoke active sessions". */
    ROLE("role"),
    /**
     * The sessions of a subject issued before a time. Target: an IAM user ARN (the caller of AssumeRole,
     * GetSessionToken or GetFederationToken at the start of the chain), or {@code <provider ARN>#<subject>} for a
     * subject asserted by an OIDC or SAML provider.
     */
    SUBJECT("subject"),
    /** The sessions carrying a source identity issued before a time. */
    SOURCE_IDENTITY("source-identity");

    private final String wireName;

    RevocationScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the admin API and the store. */
    public String wireName() {
        return wireName;
    }

    public static Optional<RevocationScope> ofWireName(String name) {
        for (RevocationScope scope : values()) {
            if (scope.wireName.equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** The subject target of a federated subject: provider ARNs never contain {@code #}, subjects may. */
    public static String federatedSubject(String providerArn, String subject) {
        return providerArn + "#" + subject;
    }
}
