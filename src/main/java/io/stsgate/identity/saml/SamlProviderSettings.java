package io.stsgate.identity.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One trusted SAML identity provider (an IAM {@code saml-provider}).
 *
 * @param arn the provider ARN, {@code arn:aws:iam::ACCT:saml-provider/NAME}
 * @param entityId the IdP's entity id: the Issuer of its Responses and Assertions
 * @param signingCertificates the certificates whose keys may sign (several during a key rotation)
 */
public record SamlProviderSettings(String arn, String entityId, List<X509Certificate> signingCertificates) {

    public SamlProviderSettings {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(entityId, "entityId");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("entityId must not be blank");
        }
        signingCertificates = List.copyOf(signingCertificates);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("a SAML provider needs at least one signing certificate");
        }
    }
}
