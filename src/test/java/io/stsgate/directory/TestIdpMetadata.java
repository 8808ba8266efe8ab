package io.stsgate.directory;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stsgate.testsupport.TestCertificates;

/**
 * Builds SAML IdP metadata documents (EntityDescriptor XML) the way IdPs publish them; every knob a rejection test
 * needs is a builder field.
 */
final class TestIdpMetadata {

    static final String ENTITY_ID = "https://idp.example.com/saml";
    static final String SSO_REDIRECT = "https://idp.example.com/saml/sso/redirect";
    static final String SSO_POST = "https://idp.example.com/saml/sso/post";
    static final X509Certificate SIGNING = TestCertificates.rsa2048("CN=idp.example.com").certificate();
    static final X509Certificate NEXT_SIGNING = TestCertificates.rsa2048("CN=idp-next.example.com").certificate();
    static final X509Certificate ENCRYPTION = TestCertificates.rsa2048("CN=idp-enc.example.com").certificate();

    private TestIdpMetadata() {
    }

    static Builder metadata() {
        return new Builder();
    }

    static String pem(X509Certificate certificate) {
        return PemCertificates.pem(certificate);
    }

    /** A mutable recipe for one metadata document. */
    static final class Builder {
        String entityId = ENTITY_ID;
        /** KeyDescriptor use attribute ("" for none) to certificate, in document order. */
        List<Map.Entry<String, X509Certificate>> keys = new ArrayList<>(List.of(Map.entry("signing", SIGNING)));
        /** Binding URI to Location. */
        Map<String, String> ssoServices = new LinkedHashMap<>(Map.of(
                SamlIdpMetadataParser.HTTP_POST, SSO_POST, SamlIdpMetadataParser.HTTP_REDIRECT, SSO_REDIRECT));
        String roleDescriptor = "IDPSSODescriptor";
        boolean wrapInEntitiesDescriptor;
        String prologue = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

        Builder with(java.util.function.Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        Builder key(String use, X509Certificate certificate) {
            keys.add(Map.entry(use, certificate));
            return this;
        }

        String xml() {
            StringBuilder xml = new StringBuilder(prologue);
            if (wrapInEntitiesDescriptor) {
                xml.append("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">\n");
            }
            xml.append("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"")
                    .append(" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"").append(entityId)
                    .append("\">\n");
            xml.append("  <md:").append(roleDescriptor)
                    .append(" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n");
            for (var key : keys) {
                xml.append("    <md:KeyDescriptor").append(key.getKey().isEmpty() ? "" : " use=\"" + key.getKey() + "\"")
                        .append("><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n")
                        .append(base64(key.getValue()))
                        .append("\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n");
            }
            xml.append("    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n");
            ssoServices.forEach((binding, location) -> xml.append("    <md:SingleSignOnService Binding=\"")
                    .append(binding).append("\" Location=\"").append(location).append("\"/>\n"));
            xml.append("  </md:").append(roleDescriptor).append(">\n</md:EntityDescriptor>\n");
            if (wrapInEntitiesDescriptor) {
                xml.append("</md:EntitiesDescriptor>\n");
            }
            return xml.toString();
        }
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getMimeEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
