package io.stsgate.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.PemCertificates;
import io.stsgate.identity.saml.SamlServiceProviderKeys;

/**
 * Reads stsgate's SAML encryption key pair from {@code stsgate.saml.encryption.key-file} and
 * {@code certificate-file} (PEM). Both or neither; any problem stops start-up with the key and file named.
 */
@Singleton
public class SamlServiceProviderKeysSource {

    static final String KEY_PROPERTY = "stsgate.saml.encryption.key-file";
    static final String CERTIFICATE_PROPERTY = "stsgate.saml.encryption.certificate-file";

    private static final Logger LOG = Logger.getLogger(SamlServiceProviderKeysSource.class);

    @Produces
    @Singleton
    SamlServiceProviderKeys samlServiceProviderKeys(StsgateConfig config) {
        var encryption = config.saml().encryption();
        Optional<String> keyFile = encryption.keyFile();
        Optional<String> certificateFile = encryption.certificateFile();
        if (keyFile.isEmpty() && certificateFile.isEmpty()) {
            return SamlServiceProviderKeys.none();
        }
        if (keyFile.isEmpty() || certificateFile.isEmpty()) {
            throw new IllegalStateException(KEY_PROPERTY + " and " + CERTIFICATE_PROPERTY
                    + " are set together or not at all; only " + (keyFile.isPresent() ? KEY_PROPERTY
                            : CERTIFICATE_PROPERTY)
                    + " is set");
        }
        SamlServiceProviderKeys keys = read(keyFile.get(), certificateFile.get());
        LOG.infof("SAML encryption key loaded: %s", keys);
        return keys;
    }

    static SamlServiceProviderKeys read(String keyFile, String certificateFile) {
        PrivateKey key = privateKey(text(keyFile, KEY_PROPERTY), keyFile);
        var certificate = PemCertificates.parse(text(certificateFile, CERTIFICATE_PROPERTY))
                .orElseThrow(() -> new IllegalStateException(CERTIFICATE_PROPERTY + " " + certificateFile
                        + ": not a PEM X.509 certificate"));
        try {
            return SamlServiceProviderKeys.of(key, certificate);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " " + keyFile + ": " + e.getMessage());
        }
    }

    /** Unencrypted PKCS#8 only: that is what {@code openssl genpkey} and {@code openssl req -nodes} write. */
    static PrivateKey privateKey(String pem, String file) {
        String where = KEY_PROPERTY + " " + file + ": ";
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalStateException(where + "PKCS#1 key; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem'");
        }
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalStateException(where + "the key is encrypted; give an unencrypted PKCS#8 key and "
                    + "protect the file instead (mode 600)");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(where + "no '-----BEGIN PRIVATE KEY-----' block (PKCS#8 PEM)");
        }
        try {
            byte[] der = Base64.getMimeDecoder()
                    .decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(where + "not a readable RSA private key");
        }
    }

    private static String text(String file, String property) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(property + " " + file + ": does not exist");
        } catch (IOException e) {
            throw new IllegalStateException(property + " " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
