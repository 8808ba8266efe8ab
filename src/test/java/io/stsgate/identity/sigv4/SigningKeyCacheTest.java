package io.stsgate.identity.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.stsgate.crypto.Hex;

class SigningKeyCacheTest {

    @Test
    void whenDerivedThenMatchesTheAwsDocumentedIamExample() {
        SigningKeyCache cache = new SigningKeyCache("iam", 10);

        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        assertThat(Hex.encode(cache.signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1")
                .getEncoded())).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void whenSameSecretDateAndRegionThenTheCachedKeyIsReturned() {
        SigningKeyCache cache = new SigningKeyCache("sts", 10);

        assertThat(cache.signingKey("secret", "20240101", "us-east-1"))
                .isSameAs(cache.signingKey("secret", "20240101", "us-east-1"));
        assertThat(cache.signingKey("secret", "20240102", "us-east-1"))
                .isNotEqualTo(cache.signingKey("secret", "20240101", "us-east-1"));
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void whenFullThenCacheStartsOverAndStaysBounded() {
        SigningKeyCache cache = new SigningKeyCache("sts", 3);

        for (int i = 0; i < 10; i++) {
            cache.signingKey("secret" + i, "20240101", "us-east-1");
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }
}
