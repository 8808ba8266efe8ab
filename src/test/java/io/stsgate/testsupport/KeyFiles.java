package io.stsgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import io.stsgate.directory.PemCertificates;

/**
 * Private keys (and SAML signing certificates) that a test resource writes under {@code target/} and the test reads
 * back: Quarkus test resources and tests do not share class loaders, so a key crosses as a file. RSA keys, PKCS#8 in
 * Base64; certificates in PEM beside them.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** Writes {@code key} to {@code file}, creating its folder. */
    public static void write(Path file, PrivateKey key) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RSA key {@link #write} wrote to {@code file}. */
    public static PrivateKey read(Path file) {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(file).trim());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " holds no RSA private key", e);
        }
    }

    /** Writes {@code certificate} to {@code file} in PEM. */
    public static void write(Path file, X509Certificate certificate) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, PemCertificates.pem(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate {@link #write(Path, X509Certificate)} wrote to {@code file}. */
    public static X509Certificate readCertificate(Path file) {
        try {
            return PemCertificates.parse(Files.readString(file))
                    .orElseThrow(() -> new IllegalStateException(file + " holds no certificate"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key pair of {@link #read} and {@link #readCertificate}: the private key and the certificate's public key. */
    public static KeyPair readKeyPair(Path keyFile, Path certificateFile) {
        return new KeyPair(readCertificate(certificateFile).getPublicKey(), read(keyFile));
    }
}
