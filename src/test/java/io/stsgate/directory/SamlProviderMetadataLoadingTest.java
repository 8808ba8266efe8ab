package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** SAML providers declared in the directory file from the IdP's metadata, alone or with explicit fields. */
class SamlProviderMetadataLoadingTest {

    private static final String ARN = "arn:aws:iam::111111111111:saml-provider/corp";
    private static final String AT = "test.yaml: accounts[0] '111111111111' > samlProviders[0] 'corp': ";

    private static DirectorySnapshot load(String providerFields) {
        String yaml = "accounts:\n  - id: \"111111111111\"\n    samlProviders:\n      - name: corp\n"
                + providerFields.indent(8);
        return DirectoryFileLoader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String metadataField(String xml) {
        return "metadata: |\n" + xml.indent(2);
    }

    private static String pemField(String pem) {
        return "signingCertificates:\n  - |\n" + pem.indent(4);
    }

    @Test
    void whenOnlyMetadataThenTheProviderTakesEntityIdCertificatesAndSsoUrlFromIt() {
        SamlProvider provider = load(metadataField(TestIdpMetadata.metadata().xml())).samlProvider(ARN).orElseThrow();

        assertThat(provider.entityId()).isEqualTo(TestIdpMetadata.ENTITY_ID);
        assertThat(provider.signingCertificates()).containsExactly(TestIdpMetadata.SIGNING);
        assertThat(provider.ssoUrl()).isEqualTo(TestIdpMetadata.SSO_REDIRECT);
    }

    @Test
    void whenMetadataAndAnExtraCertificateThenBothCertificatesAreTrusted() {
        String fields = metadataField(TestIdpMetadata.metadata().xml())
                + pemField(TestIdpMetadata.pem(TestIdpMetadata.NEXT_SIGNING));

        assertThat(load(fields).samlProvider(ARN).orElseThrow().signingCertificates())
                .containsExactly(TestIdpMetadata.SIGNING, TestIdpMetadata.NEXT_SIGNING);
    }

    @Test
    void whenMetadataAndTheSameEntityIdAndAnSsoUrlThenTheExplicitSsoUrlWins() {
        String fields = metadataField(TestIdpMetadata.metadata().xml()) + "entityId: " + TestIdpMetadata.ENTITY_ID
                + "\nssoUrl: https://idp.example.com/start\n";

        assertThat(load(fields).samlProvider(ARN).orElseThrow().ssoUrl()).isEqualTo("https://idp.example.com/start");
    }

    @Test
    void whenTheExplicitSsoUrlIsPlainHttpOnAnotherHostThenTheErrorNamesTheField() {
        String fields = metadataField(TestIdpMetadata.metadata().xml()) + "ssoUrl: http://idp.example.com/start\n";

        assertThatThrownBy(() -> load(fields)).isInstanceOf(DirectoryFileException.class)
                .hasMessage(AT + "ssoUrl: 'http://idp.example.com/start' must begin with https:// (plain http only "
                        + "for loopback hosts)");
    }

    @Test
    void whenTheExplicitSsoUrlIsNotAWebAddressThenTheErrorNamesTheField() {
        String fields = metadataField(TestIdpMetadata.metadata().xml()) + "ssoUrl: \"javascript:alert(1)\"\n";

        assertThatThrownBy(() -> load(fields)).isInstanceOf(DirectoryFileException.class)
                .hasMessage(AT + "ssoUrl: 'javascript:alert(1)' must be an absolute URL with a host");
    }

    @Test
    void whenTheMetadatasSsoUrlIsPlainHttpThenTheErrorSaysHowToOverrideIt() {
        String xml = TestIdpMetadata.metadata().with(m -> m.ssoServices = new java.util.LinkedHashMap<>(
                java.util.Map.of(SamlIdpMetadataParser.HTTP_REDIRECT, "http://idp.example.com/sso"))).xml();

        assertThatThrownBy(() -> load(metadataField(xml))).isInstanceOf(DirectoryFileException.class)
                .hasMessageContaining("metadata: SingleSignOnService Location: 'http://idp.example.com/sso'")
                .hasMessageEndingWith("(set ssoUrl to override it)");
    }

    @Test
    void whenTheSsoUrlIsPlainHttpOnLoopbackThenAccepted() {
        String fields = metadataField(TestIdpMetadata.metadata().xml()) + "ssoUrl: http://127.0.0.1:8180/sso?x=1\n";

        assertThat(load(fields).samlProvider(ARN).orElseThrow().ssoUrl()).isEqualTo("http://127.0.0.1:8180/sso?x=1");
    }

    @Test
    void whenTheEntityIdDiffersFromTheMetadataThenTheErrorNamesFileEntryAndBoth() {
        String fields = metadataField(TestIdpMetadata.metadata().xml()) + "entityId: https://other.example.com\n";

        assertThatThrownBy(() -> load(fields)).isInstanceOf(DirectoryFileException.class)
                .hasMessage(AT + "entityId: 'https://other.example.com' differs from the metadata's entityID '"
                        + TestIdpMetadata.ENTITY_ID + "'; give one of them");
    }

    @Test
    void whenTheMetadataIsAnSpDescriptorThenTheErrorNamesFileEntryAndProblem() {
        String xml = TestIdpMetadata.metadata().with(m -> m.roleDescriptor = "SPSSODescriptor").xml();

        assertThatThrownBy(() -> load(metadataField(xml))).isInstanceOf(DirectoryFileException.class)
                .hasMessageStartingWith(AT + "metadata: EntityDescriptor has no IDPSSODescriptor supporting SAML 2.0");
    }

    @Test
    void whenTheMetadataHasADoctypeThenTheErrorNamesFileEntryAndProblem() {
        String xml = TestIdpMetadata.metadata().with(m -> m.prologue = "<!DOCTYPE x [<!ENTITY e \"e\">]>\n").xml();

        assertThatThrownBy(() -> load(metadataField(xml)))
                .hasMessage(AT + "metadata: contains a DOCTYPE declaration, which is refused");
    }

    @Test
    void whenNeitherMetadataNorEntityIdThenError() {
        assertThatThrownBy(() -> load(pemField(TestIdpMetadata.pem(TestIdpMetadata.SIGNING))))
                .hasMessage(AT + "entityId: the IdP's entity id (the Issuer of its assertions) is required, "
                        + "or its metadata");
    }

    @Test
    void whenEntityIdButNoCertificateThenError() {
        assertThatThrownBy(() -> load("entityId: https://idp.example.com\n"))
                .hasMessage(AT + "signingCertificates: between 1 and 10 certificates are required (PEM here, or in "
                        + "the metadata), got 0");
    }
}
