package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;

import org.junit.jupiter.api.Test;

class SamlServiceProviderKeysTest {

    @Test
    void whenTheKeyBelongsToTheCertificateThenBothAreOffered() {
        var keys = SamlServiceProviderKeys.of(TestSamlKeys.SP_ENCRYPTION.keyPair().getPrivate(),
                TestSamlKeys.SP_ENCRYPTION.certificate());

        assertThat(keys.decryptionKey()).contains(TestSamlKeys.SP_ENCRYPTION.keyPair().getPrivate());
        assertThat(keys.encryptionCertificate()).contains(TestSamlKeys.SP_ENCRYPTION.certificate());
        assertThat(keys.toString()).doesNotContain("modulus").contains("CN=stsgate.example.com");
    }

    @Test
    void whenNoneThenNeitherKeyNorCertificate() {
        assertThat(SamlServiceProviderKeys.none().decryptionKey()).isEmpty();
        assertThat(SamlServiceProviderKeys.none().encryptionCertificate()).isEmpty();
    }

    @Test
    void whenTheKeyBelongsToAnotherCertificateThenRefused() {
        assertThatThrownBy(() -> SamlServiceProviderKeys.of(TestSamlKeys.SP_ENCRYPTION.keyPair().getPrivate(),
                TestSamlKeys.IDP.certificate())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to the certificate CN=idp.example.com");
    }

    @Test
    void whenTheKeyIsNotRsaThenRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);

        assertThatThrownBy(() -> SamlServiceProviderKeys.of(generator.generateKeyPair().getPrivate(),
                TestSamlKeys.SP_ENCRYPTION.certificate())).hasMessageContaining("must be an RSA private key");
    }

    @Test
    void whenTheRsaKeyIsUnder2048BitsThenRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);

        assertThatThrownBy(() -> SamlServiceProviderKeys.of(generator.generateKeyPair().getPrivate(),
                TestSamlKeys.SP_ENCRYPTION.certificate())).hasMessageContaining("1024 bits; at least 2048");
    }
}
