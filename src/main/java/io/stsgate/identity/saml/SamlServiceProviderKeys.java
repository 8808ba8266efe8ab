package io.stsgate.identity.saml;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * stsgate's SAML encryption key pair as a service provider: IdPs encrypt assertions to the certificate (published in
 * the SP metadata), stsgate decrypts them with the private key. Either both are configured or neither; the key is
 * RSA, at least 2048 bits, and belongs to the certificate, so a mix-up stops start-up instead of failing every
 * encrypted assertion.
 */
public final class SamlServiceProviderKeys {

    private static final int MIN_RSA_BITS = 2048;
    private static final SamlServiceProviderKeys NONE = new SamlServiceProviderKeys(null, null);

    private final PrivateKey decryptionKey;
    private final X509Certificate encryptionCertificate;

    private SamlServiceProviderKeys(PrivateKey decryptionKey, X509Certificate encryptionCertificate) {
        this.decryptionKey = decryptionKey;
        this.encryptionCertificate = encryptionCertificate;
    }

    /** No encryption key: encrypted assertions are refused. */
    public static SamlServiceProviderKeys none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException when the key is not an RSA private key (CRT form) of at least 2048 bits, or
     *         is not the private half of the certificate's public key
     */
    public static SamlServiceProviderKeys of(PrivateKey decryptionKey, X509Certificate encryptionCertificate) {
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        if (!(decryptionKey instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalArgumentException("the key must be an RSA private key (" + decryptionKey.getAlgorithm()
                    + " given)");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("the RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + MIN_RSA_BITS + " are required");
        }
        if (!(encryptionCertificate.getPublicKey() instanceof RSAPublicKey certified)
                || !certified.getModulus().equals(rsa.getModulus())
                || !certified.getPublicExponent().equals(rsa.getPublicExponent())) {
            throw new IllegalArgumentException("the key does not belong to the certificate "
                    + encryptionCertificate.getSubjectX500Principal().getName());
        }
        return new SamlServiceProviderKeys(decryptionKey, encryptionCertificate);
    }

    /** The private key for EncryptedAssertions, when configured. */
    public Optional<PrivateKey> decryptionKey() {
        return Optional.ofNullable(decryptionKey);
    }

    /** The certificate IdPs encrypt to: what SP metadata publishes as {@code KeyDescriptor use="encryption"}. */
    public Optional<X509Certificate> encryptionCertificate() {
        return Optional.ofNullable(encryptionCertificate);
    }

    @Override
    public String toString() {
        return encryptionCertificate == null ? "SamlServiceProviderKeys[none]"
                : "SamlServiceProviderKeys[certificate=" + encryptionCertificate.getSubjectX500Principal().getName()
                        + "]";
    }
}
