package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.crypto.SecretKeyDerivation;
import io.stsgate.crypto.TokenSealer;

class CredentialVerifierTest {

    private static final Instant ISSUED = Instant.parse("2026-06-01T12:00:00Z");
    private static final KeyringKey OLD = new KeyringKey("k-old", new byte[32]);
    private static final KeyringKey NEW = new KeyringKey("k-new", filled(7));

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static CredentialMint.Minted mint(Keyring keyring, int seconds) {
        return new CredentialMint(keyring, new TokenSealer(keyring, KeyPurpose.SESSION_TOKEN),
                new SecretKeyDerivation()).mint(TestSessions.roleSession(ISSUED, seconds));
    }

    private static CredentialVerifier verifier(Keyring keyring, Instant now) {
        return new CredentialVerifier(keyring, new TokenSealer(keyring, KeyPurpose.SESSION_TOKEN),
                new SecretKeyDerivation(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verifyWhenFreshThenValidWithTheSameSecret() {
        var minted = mint(Keyring.of(OLD), 900);
        var result = verifier(Keyring.of(OLD), ISSUED).verify(minted.credentials().accessKeyId(),
                minted.credentials().sessionToken());
        assertThat(result).isInstanceOfSatisfying(CredentialVerifier.Verification.Valid.class, v -> {
            assertThat(v.secretAccessKey()).isEqualTo(minted.credentials().secretAccessKey());
            assertThat(v.session()).isEqualTo(minted.session());
        });
    }

    @Test
    void verifyOneSecondBeforeExpiryThenValid() {
        var minted = mint(Keyring.of(OLD), 900);
        assertThat(verifier(Keyring.of(OLD), ISSUED.plusSeconds(899)).verify(minted.credentials().accessKeyId(),
                minted.credentials().sessionToken())).isInstanceOf(CredentialVerifier.Verification.Valid.class);
    }

    @Test
    void verifyAtExpiryThenExpired() {
        var minted = mint(Keyring.of(OLD), 900);
        assertThat(verifier(Keyring.of(OLD), ISSUED.plusSeconds(900)).verify(minted.credentials().accessKeyId(),
                minted.credentials().sessionToken())).isInstanceOf(CredentialVerifier.Verification.Expired.class);
    }

    @Test
    void verifyOneSecondAfterExpiryThenExpired() {
        var minted = mint(Keyring.of(OLD), 900);
        assertThat(verifier(Keyring.of(OLD), ISSUED.plusSeconds(901)).verify(minted.credentials().accessKeyId(),
                minted.credentials().sessionToken())).isInstanceOf(CredentialVerifier.Verification.Expired.class);
    }

    @Test
    void verifyAfterRotationThenOldCredentialsStillVerifyAndNewOnesUseTheNewKey() {
        var old = mint(Keyring.of(OLD), 900);
        var rotated = Keyring.of(OLD, NEW);
        var fresh = mint(rotated, 900);
        assertThat(fresh.session().keyId()).isEqualTo("k-new");
        assertThat(verifier(rotated, ISSUED).verify(old.credentials().accessKeyId(), old.credentials().sessionToken()))
                .isInstanceOf(CredentialVerifier.Verification.Valid.class);
        assertThat(verifier(Keyring.of(OLD), ISSUED).verify(fresh.credentials().accessKeyId(),
                fresh.credentials().sessionToken())).isInstanceOf(CredentialVerifier.Verification.Invalid.class);
    }

    @Test
    void verifyWithAnotherAccessKeyIdThenInvalid() {
        var first = mint(Keyring.of(OLD), 900);
        var second = mint(Keyring.of(OLD), 900);
        assertThat(verifier(Keyring.of(OLD), ISSUED).verify(second.credentials().accessKeyId(),
                first.credentials().sessionToken())).isInstanceOf(CredentialVerifier.Verification.Invalid.class);
    }

    @Test
    void verifyWhenAnyCharacterOfTheTokenChangesThenInvalid() {
        var minted = mint(Keyring.of(OLD), 900);
        String token = minted.credentials().sessionToken();
        var verifier = verifier(Keyring.of(OLD), ISSUED);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + c + token.substring(i + 1);
            assertThat(verifier.verify(minted.credentials().accessKeyId(), tampered))
                    .as("position %d", i).isInstanceOf(CredentialVerifier.Verification.Invalid.class);
        }
    }

    @Test
    void verifyWhenLongTermKeyIdOrNoTokenThenInvalid() {
        var verifier = verifier(Keyring.of(OLD), ISSUED);
        assertThat(verifier.verify("AKIAIOSFODNN7EXAMPLE", "token"))
                .isInstanceOf(CredentialVerifier.Verification.Invalid.class);
        assertThat(verifier.verify("ASIAAAAAAAAAAAAAAAAA", null))
                .isInstanceOf(CredentialVerifier.Verification.Invalid.class);
    }
}
