package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LongTermSecretsTest {

    private final LongTermSecrets secrets = new LongTermSecrets();

    @Test
    void secretAccessKeyHasTheShapeOfAnAwsSecret() {
        assertThat(secrets.secretAccessKey()).hasSize(40).matches("[A-Za-z0-9+/]{40}");
    }

    @Test
    void totpSeedHolds160BitsInBase32() {
        String seed = secrets.totpSeed();

        assertThat(seed).hasSize(32).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(seed)).hasSize(20);
    }

    @Test
    void everySecretIsNew() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(secrets.secretAccessKey())).isTrue();
            assertThat(seen.add(secrets.totpSeed())).isTrue();
        }
    }
}
