package io.stsgate.identity.saml;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

import io.stsgate.testsupport.TestCertificates;

/**
 * Throw-away RSA-2048 keys generated at test time (never committed) with self-signed certificates.
 */
final class TestSamlKeys {

    /** The IdP's current signing key. */
    static final SigningKey IDP = generate("CN=idp.example.com");
    /** The IdP's previous signing key (rotation). */
    static final SigningKey IDP_OLD = generate("CN=idp-old.example.com");
    /** A key the provider does not trust. */
    static final SigningKey ATTACKER = generate("CN=attacker.example.com");
    /** stsgate's SP encryption key. */
    static final SigningKey SP_ENCRYPTION = generate("CN=stsgate.example.com");

    private TestSamlKeys() {
    }

    record SigningKey(KeyPair keyPair, X509Certificate certificate) {
    }

    static SigningKey generate(String subject) {
        var generated = TestCertificates.rsa2048(subject);
        return new SigningKey(generated.keyPair(), generated.certificate());
    }
}
