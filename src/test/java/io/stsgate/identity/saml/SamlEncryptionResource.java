package io.stsgate.identity.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.stsgate.directory.PemCertificates;

/**
 * {@link SamlTrustResource}'s directory, plus an SP encryption key pair generated here and configured through
 * {@code stsgate.saml.encryption.key-file} and {@code certificate-file}; the certificate is left in a file for the
 * test, which encrypts to it.
 */
public class SamlEncryptionResource extends SamlTrustResource {

    private static final Path KEY = DIRECTORY.resolve("sp-encryption.key");
    private static final Path CERTIFICATE = DIRECTORY.resolve("sp-encryption.crt");

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        var sp = TestSamlKeys.generate("CN=stsgate.example.com");
        try {
            Files.writeString(KEY, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(sp.keyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Files.writeString(CERTIFICATE, PemCertificates.pem(sp.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("stsgate.saml.encryption.key-file", KEY.toString());
        config.put("stsgate.saml.encryption.certificate-file", CERTIFICATE.toString());
        return config;
    }

    /** The SP encryption certificate written by {@link #start()}. */
    static X509Certificate spCertificate() throws IOException {
        return PemCertificates.parse(Files.readString(CERTIFICATE)).orElseThrow();
    }
}
