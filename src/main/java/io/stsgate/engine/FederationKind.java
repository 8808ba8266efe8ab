package io.stsgate.engine;

/** The two federated ways in: an OIDC token or a SAML assertion. */
public enum FederationKind {
    WEB_IDENTITY("AssumeRoleWithWebIdentity"),
    SAML("AssumeRoleWithSAML");

    private final String action;

    FederationKind(String action) {
        this.action = action;
    }

    /** The IAM action the trust policy must allow, e.g. {@code sts:AssumeRoleWithWebIdentity}. */
    public String iamAction() {
        return "sts:" + action;
    }

    /** AWS's message when the role does not trust the caller. */
    String notAuthorized() {
        return "Not authorized to perform " + iamAction();
    }
}
