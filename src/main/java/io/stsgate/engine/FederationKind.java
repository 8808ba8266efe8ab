package io.stsgate.engine;

/** The two federated ways in: an OIDC token or a SAML assertion. */
public enum FederationKind {
    WEB_IDENTITY("AssumeRoleWithWebIdentity", "OpenIDConnect"),
    SAML("AssumeRoleWithSAML", "SAML");

    private final String action;
    private final String providerKind;

    FederationKind(String action, String providerKind) {
        this.action = action;
        this.providerKind = providerKind;
    }

    /** The IAM action the trust policy must allow, e.g. {@code sts:AssumeRoleWithWebIdentity}. */
    public String iamAction() {
        return "sts:" + action;
    }

    /** AWS's message when the role does not trust the caller. */
    String notAuthorized() {
        return "Not authorized to perform " + iamAction();
    }

    /** AWS's message when the provider is not registered in the account the role ARN names. */
    String noProvider(String issuer) {
        return "No " + providerKind + " provider found in your account for " + issuer;
    }
}
