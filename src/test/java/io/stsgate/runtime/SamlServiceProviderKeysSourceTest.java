package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.directory.PemCertificates;
import io.stsgate.testsupport.TestCertificates;

class SamlServiceProviderKeysSourceTest {

    private static final TestCertificates.KeyAndCertificate SP = TestCertificates.rsa2048("CN=stsgate.example.com");

    @TempDir
    Path dir;

    private static String pkcs8Pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private String write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void whenPkcs8KeyAndItsCertificateThenLoaded() throws Exception {
        var keys = SamlServiceProviderKeysSource.read(write("sp.key", pkcs8Pem(SP.keyPair().getPrivate().getEncoded())),
                write("sp.crt", PemCertificates.pem(SP.certificate())));

        assertThat(keys.encryptionCertificate()).contains(SP.certificate());
        assertThat(keys.decryptionKey()).isPresent();
    }

    @Test
    void whenPkcs1KeyThenTheErrorSaysHowToConvertIt() throws Exception {
        String key = write("sp.key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SamlServiceProviderKeysSource.read(key, write("sp.crt",
                PemCertificates.pem(SP.certificate())))).hasMessageStartingWith(
                        "stsgate.saml.encryption.key-file " + key + ": PKCS#1 key; convert it with 'openssl pkcs8");
    }

    @Test
    void whenTheKeyFileIsMissingThenTheErrorNamesKeyAndFile() throws Exception {
        String certificate = write("sp.crt", PemCertificates.pem(SP.certificate()));

        assertThatThrownBy(() -> SamlServiceProviderKeysSource.read(dir.resolve("nope.key").toString(), certificate))
                .hasMessage("stsgate.saml.encryption.key-file " + dir.resolve("nope.key") + ": does not exist");
    }

    @Test
    void whenTheCertificateIsNotPemThenTheErrorNamesIt() throws Exception {
        String key = write("sp.key", pkcs8Pem(SP.keyPair().getPrivate().getEncoded()));
        String certificate = write("sp.crt", "not a certificate");

        assertThatThrownBy(() -> SamlServiceProviderKeysSource.read(key, certificate))
                .hasMessage("stsgate.saml.encryption.certificate-file " + certificate
                        + ": not a PEM X.509 certificate");
    }

    @Test
    void whenTheKeyBelongsToAnotherCertificateThenStartUpStops() throws Exception {
        String key = write("sp.key", pkcs8Pem(SP.keyPair().getPrivate().getEncoded()));
        String other = write("other.crt", PemCertificates.pem(TestCertificates.rsa2048("CN=other").certificate()));

        assertThatThrownBy(() -> SamlServiceProviderKeysSource.read(key, other))
                .hasMessageContaining("does not belong to the certificate CN=other");
    }
}
