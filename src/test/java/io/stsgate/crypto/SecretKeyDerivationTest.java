package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SecretKeyDerivationTest {

    private static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");

    private final SecretKeyDerivation derivation = new SecretKeyDerivation();

    @Test
    void whenDerivedTwiceThenSameSecret() {
        assertThat(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED))
                .isEqualTo(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED));
    }

    @Test
    void whenDerivedThenFortyCharactersOfTheAwsSecretAlphabet() {
        for (int i = 0; i < 200; i++) {
            String secret = derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAA" + i, ISSUED);
            assertThat(secret).hasSize(40).matches("[A-Za-z0-9+/]{40}");
        }
    }

    @Test
    void whenAccessKeyIdDiffersThenSecretDiffers() {
        assertThat(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED))
                .isNotEqualTo(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAB", ISSUED));
    }

    @Test
    void whenIssueTimeDiffersThenSecretDiffers() {
        assertThat(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED))
                .isNotEqualTo(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED.plusSeconds(1)));
    }

    @Test
    void whenSubSecondPartDiffersThenSecretIsTheSame() {
        assertThat(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED))
                .isEqualTo(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED.plusMillis(999)));
    }

    @Test
    void whenKeyDiffersThenSecretDiffers() {
        assertThat(derivation.derive(TestKeys.key("k1"), "ASIAAAAAAAAAAAAAAAAA", ISSUED))
                .isNotEqualTo(derivation.derive(TestKeys.key("k2"), "ASIAAAAAAAAAAAAAAAAA", ISSUED));
    }

    @Test
    void whenDerivedThenSecretIsNotTheBase64OfTheSealingSubkeyMac() {
        // Purpose separation: the same input under the session-token subkey gives a different value.
        KeyringKey key = TestKeys.key("k1");
        byte[] sealingMac = HmacSha256.mac(key.subkey(KeyPurpose.SESSION_TOKEN), "ASIAAAAAAAAAAAAAAAAA".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));

        assertThat(derivation.derive(key, "ASIAAAAAAAAAAAAAAAAA", ISSUED))
                .isNotEqualTo(java.util.Base64.getEncoder().encodeToString(sealingMac).substring(0, 40));
    }
}
