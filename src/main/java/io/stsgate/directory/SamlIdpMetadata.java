package io.stsgate.directory;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What stsgate takes from a SAML IdP's metadata (its {@code EntityDescriptor}): who it is, which keys sign for it,
 * and where its users sign in.
 *
 * @param entityId the {@code entityID}: the Issuer of the IdP's Responses and Assertions
 * @param signingCertificates the certificates of the {@code IDPSSODescriptor}'s signing keys, in document order
 * @param ssoUrl the {@code SingleSignOnService} location (HTTP-Redirect preferred over HTTP-POST), when listed
 */
public record SamlIdpMetadata(String entityId, List<X509Certificate> signingCertificates, Optional<String> ssoUrl) {

    public SamlIdpMetadata {
        Objects.requireNonNull(entityId, "entityId");
        signingCertificates = List.copyOf(signingCertificates);
        Objects.requireNonNull(ssoUrl, "ssoUrl");
    }
}
