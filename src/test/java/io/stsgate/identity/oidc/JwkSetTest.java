package io.stsgate.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.identity.oidc.TestKeys.TestKey;

class JwkSetTest {

    private static final TestKey RSA = TestKeys.rsa2048("rsa-1");

    @Test
    void keysForEncryptionAreIgnored() {
        Map<String, Object> enc = RSA.withKid("enc-1").jwk();
        enc.put("use", "enc");
        Map<String, Object> wrapOnly = RSA.withKid("wrap-1").jwk();
        wrapOnly.remove("use");
        wrapOnly.put("key_ops", List.of("wrapKey"));
        JwkSet set = JwkSet.parse(TestKeys.jwks(List.of(enc, wrapOnly, RSA.jwk())));
        assertThat(set.keyIds()).containsExactly("rsa-1");
        assertThat(set.select(JwsAlgorithm.RS256, "enc-1").rejection().failure()).isEqualTo(OidcFailure.UNKNOWN_KEY);
    }

    @Test
    void symmetricAndUnknownKeysAreIgnored() {
        String json = TestKeys.jwks(List.of(Map.of("kty", "oct", "kid", "hmac", "k", "c2VjcmV0c2VjcmV0c2VjcmV0"),
                Map.of("kty", "XYZ", "kid", "odd"), RSA.jwk()));
        assertThat(JwkSet.parse(json).keyIds()).containsExactly("rsa-1");
    }

    @Test
    void keysWithUnsafeKeyIdsAreIgnored() {
        JwkSet set = JwkSet.parse(TestKeys.jwks(RSA.withKid("../etc"), RSA.withKid("ok")));
        assertThat(set.keyIds()).containsExactly("ok");
    }

    @Test
    void weakRsaKeysAreKeptButRefused() {
        JwkSet set = JwkSet.parse(TestKeys.jwks(TestKeys.rsa1024("weak")));
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.select(JwsAlgorithm.RS256, "weak").rejection().failure()).isEqualTo(OidcFailure.WEAK_KEY);
    }

    @Test
    void notAJwksIsRefused() {
        assertThatThrownBy(() -> JwkSet.parse("<html/>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwkSet.parse("{\"nokeys\":[]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyIdSyntax() {
        assertThat(JwkSet.validKeyId("kQ-1_2.3~a+b/c=")).isTrue();
        assertThat(JwkSet.validKeyId("k".repeat(128))).isTrue();
        assertThat(JwkSet.validKeyId("k".repeat(129))).isFalse();
        assertThat(JwkSet.validKeyId("..")).isFalse();
        assertThat(JwkSet.validKeyId("a b")).isFalse();
        assertThat(JwkSet.validKeyId("é")).isFalse();
    }
}
