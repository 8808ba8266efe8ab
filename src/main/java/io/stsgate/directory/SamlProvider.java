package io.stsgate.directory;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A SAML identity provider trusted by an account: assertions whose issuer is {@link #entityId()}, signed with one of
 * {@link #signingCertificates()} (several, for rotation).
 */
public record SamlProvider(String accountId, String name, String entityId, List<X509Certificate> signingCertificates,
        String ssoUrl) {

    public SamlProvider {
        signingCertificates = List.copyOf(signingCertificates);
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":saml-provider/" + name;
    }
}
