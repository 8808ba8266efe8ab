package io.stsgate.engine;

import java.util.Optional;
import java.util.Set;

/**
 * The action groups that throttling limits separately, each with its own rate and burst. Unsigned groups are keyed by
 * the source address (nobody is authenticated yet); signed groups by the caller's access key id, charged only after
 * the signature verified, so nobody can spend another caller's budget by naming its access key id.
 */
public enum ThrottleGroup {
    WEB_IDENTITY("web-identity", false, Set.of("AssumeRoleWithWebIdentity")),
    SAML("saml", false, Set.of("AssumeRoleWithSAML")),
    /** The browser sign-in pages under {@code /saml}, not an STS action. */
    SAML_BROWSER("saml-browser", false, Set.of()),
    /** Signed actions that mint credentials. */
    SIGNED_ISSUE("signed-issue", true, Set.of("AssumeRole", "GetSessionToken", "GetFederationToken")),
    /** Signed actions that only answer. */
    SIGNED_READ("signed-read", true, Set.of("GetCallerIdentity", "GetAccessKeyInfo", "DecodeAuthorizationMessage"));

    private final String label;
    private final boolean perCaller;
    private final Set<String> actions;

    ThrottleGroup(String label, boolean perCaller, Set<String> actions) {
        this.label = label;
        this.perCaller = perCaller;
        this.actions = actions;
    }

    /** The group's name in configuration, metrics and audit details. */
    public String label() {
        return label;
    }

    /** Whether buckets are per caller (access key id) rather than per source address. */
    public boolean perCaller() {
        return perCaller;
    }

    /** The group of a Query API action; empty for an action no group names. */
    public static Optional<ThrottleGroup> ofAction(String action) {
        for (ThrottleGroup group : values()) {
            if (group.actions.contains(action)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
