package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyringTest {

    @Test
    void whenSeveralKeysThenLastIsPrimaryAndAllAreFound() {
        Keyring keyring = TestKeys.keyring("k1", "k2", "k3");

        assertThat(keyring.primary().id()).isEqualTo("k3");
        assertThat(keyring.find("k1")).contains(TestKeys.key("k1"));
        assertThat(keyring.find("k2")).isPresent();
        assertThat(keyring.find("nope")).isEmpty();
        assertThat(keyring.find(null)).isEmpty();
        assertThat(keyring.keys()).extracting(KeyringKey::id).containsExactly("k1", "k2", "k3");
    }

    @Test
    void whenAnEarlierKeyIsNamedPrimaryThenItSealsAndTheNewerOneOnlyOpens() {
        Keyring standbyNewer = new Keyring(List.of(TestKeys.key("k1"), TestKeys.key("k2")), "k1");
        Keyring promoted = TestKeys.keyring("k1", "k2");
        var opener = new TokenSealer(standbyNewer, KeyPurpose.SESSION_TOKEN);

        String sealedByPromoted = new TokenSealer(promoted, KeyPurpose.SESSION_TOKEN).seal(new byte[] { 1 }, "x");

        assertThat(standbyNewer.primary().id()).isEqualTo("k1");
        assertThat(opener.unseal(sealedByPromoted, "x")).isInstanceOf(UnsealResult.Opened.class);
    }

    @Test
    void whenThePrimaryIsNotInTheKeyringThenRefused() {
        assertThatThrownBy(() -> new Keyring(List.of(TestKeys.key("k1")), "k9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k9");
    }

    @Test
    void whenEmptyThenRefused() {
        assertThatThrownBy(() -> new Keyring(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenDuplicateIdThenRefused() {
        assertThatThrownBy(() -> Keyring.of(TestKeys.key("k1"), TestKeys.key("k1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void whenPrintedThenMaterialIsRedacted() {
        KeyringKey key = TestKeys.key("k1");
        String material = Base64.getEncoder().encodeToString(key.material());

        assertThat(key.toString()).contains("k1").contains("redacted").doesNotContain(material);
        assertThat(Keyring.of(key).toString()).contains("k1").doesNotContain(material);
    }

    @Test
    void whenMaterialIsNot32BytesThenRefused() {
        assertThatThrownBy(() -> new KeyringKey("k1", new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyringKey("k1", new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenIdIsInvalidThenRefused() {
        assertThatThrownBy(() -> new KeyringKey("", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyringKey("a b", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyringKey("x".repeat(33), new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeyringKey("A-z_09".repeat(5), new byte[32]).id()).hasSize(30);
    }

    @Test
    void whenMaterialArrayIsChangedAfterConstructionThenKeyIsUnaffected() {
        byte[] material = TestKeys.material("k1");
        KeyringKey key = new KeyringKey("k1", material);
        material[0] ^= 1;

        assertThat(key).isEqualTo(TestKeys.key("k1"));
        key.material()[0] ^= 1;
        assertThat(key).isEqualTo(TestKeys.key("k1"));
    }

    @Test
    void whenDerivingSubkeysThenEachPurposeDiffersAndDiffersFromMaterial() {
        KeyringKey key = TestKeys.key("k1");
        byte[] seal = key.subkey(KeyPurpose.SESSION_TOKEN).getEncoded();
        byte[] secret = key.subkey(KeyPurpose.SECRET_KEY).getEncoded();
        byte[] authz = key.subkey(KeyPurpose.AUTHZ_MESSAGE).getEncoded();

        assertThat(seal).hasSize(32).isNotEqualTo(secret).isNotEqualTo(authz).isNotEqualTo(key.material());
        assertThat(secret).isNotEqualTo(authz).isNotEqualTo(key.material());
        assertThat(seal).isEqualTo(Hkdf.derive(null, key.material(),
                "stsgate session-token v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 32));
    }
}
