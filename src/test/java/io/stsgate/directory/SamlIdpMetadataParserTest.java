package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SamlIdpMetadataParserTest {

    /** Exported from the real Keycloak 26.7.3 of the test harness ({@code /realms/stsgate/protocol/saml/descriptor}). */
    private static String keycloakMetadata() throws IOException {
        try (InputStream in = SamlIdpMetadataParserTest.class.getClassLoader()
                .getResourceAsStream("saml/keycloak-26.7.3-idp-metadata.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(String xml, String problem) {
        assertThatThrownBy(() -> SamlIdpMetadataParser.parse(xml)).isInstanceOf(SamlMetadataException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void whenKeycloakMetadataThenEntityIdSigningCertificateAndRedirectSsoUrl() throws Exception {
        SamlIdpMetadata metadata = SamlIdpMetadataParser.parse(keycloakMetadata());

        assertThat(metadata.entityId()).isEqualTo("http://127.0.0.1:40985/realms/stsgate");
        assertThat(metadata.signingCertificates()).hasSize(1);
        assertThat(metadata.signingCertificates().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=stsgate");
        assertThat(metadata.ssoUrl()).contains("http://127.0.0.1:40985/realms/stsgate/protocol/saml");
    }

    @Test
    void whenGeneratedMetadataThenItsValues() {
        SamlIdpMetadata metadata = SamlIdpMetadataParser.parse(TestIdpMetadata.metadata().xml());

        assertThat(metadata.entityId()).isEqualTo(TestIdpMetadata.ENTITY_ID);
        assertThat(metadata.signingCertificates()).containsExactly(TestIdpMetadata.SIGNING);
        assertThat(metadata.ssoUrl()).as("HTTP-Redirect is preferred").contains(TestIdpMetadata.SSO_REDIRECT);
    }

    @Test
    void whenKeysHaveNoUseOrEncryptionUseThenOnlySigningCapableKeysAreTaken() {
        String xml = TestIdpMetadata.metadata().key("", TestIdpMetadata.NEXT_SIGNING)
                .key("encryption", TestIdpMetadata.ENCRYPTION).xml();

        assertThat(SamlIdpMetadataParser.parse(xml).signingCertificates())
                .containsExactly(TestIdpMetadata.SIGNING, TestIdpMetadata.NEXT_SIGNING);
    }

    @Test
    void whenOnlyHttpPostSsoThenThePostLocation() {
        String xml = TestIdpMetadata.metadata().with(m -> m.ssoServices = Map.of(SamlIdpMetadataParser.HTTP_POST,
                TestIdpMetadata.SSO_POST)).xml();

        assertThat(SamlIdpMetadataParser.parse(xml).ssoUrl()).contains(TestIdpMetadata.SSO_POST);
    }

    @Test
    void whenNoBrowserSsoBindingThenNoSsoUrl() {
        String xml = TestIdpMetadata.metadata().with(m -> m.ssoServices = Map.of(
                "urn:oasis:names:tc:SAML:2.0:bindings:SOAP", "https://idp.example.com/soap")).xml();

        assertThat(SamlIdpMetadataParser.parse(xml).ssoUrl()).isEmpty();
    }

    @Test
    void whenWrappedInEntitiesDescriptorWithOneEntityThenAccepted() {
        String xml = TestIdpMetadata.metadata().with(m -> m.wrapInEntitiesDescriptor = true).xml();

        assertThat(SamlIdpMetadataParser.parse(xml).entityId()).isEqualTo(TestIdpMetadata.ENTITY_ID);
    }

    @Test
    void whenNoIdpSsoDescriptorThenRefused() {
        assertRefused(TestIdpMetadata.metadata().with(m -> m.roleDescriptor = "SPSSODescriptor").xml(),
                "no IDPSSODescriptor supporting SAML 2.0");
    }

    @Test
    void whenOnlyAnEncryptionKeyThenRefusedForLackOfASigningCertificate() {
        assertRefused(TestIdpMetadata.metadata().with(m -> m.keys.clear())
                .key("encryption", TestIdpMetadata.ENCRYPTION).xml(), "no signing certificate");
    }

    @Test
    void whenDoctypeThenRefused() {
        assertRefused(TestIdpMetadata.metadata().with(m -> m.prologue = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE md:EntityDescriptor [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n").xml(),
                "DOCTYPE");
    }

    @Test
    void whenNotXmlThenRefused() {
        assertRefused("-----BEGIN CERTIFICATE-----", "not well-formed XML");
    }

    @Test
    void whenAnotherRootElementThenRefused() {
        assertRefused("<Response xmlns=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>",
                "not a SAML 2.0 metadata EntityDescriptor");
    }

    @Test
    void whenNoEntityIdThenRefused() {
        assertRefused(TestIdpMetadata.metadata().with(m -> m.entityId = "").xml(), "entityID must be");
    }

    @Test
    void whenACertificateIsGarbageThenRefused() {
        String xml = TestIdpMetadata.metadata().xml().replaceFirst("<ds:X509Certificate>\\n",
                "<ds:X509Certificate>AAAA");

        assertRefused(xml, "not a valid certificate");
    }
}
