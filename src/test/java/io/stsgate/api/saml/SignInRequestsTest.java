package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;

/** The sealed AuthnRequest id: it opens only as it was made, with its RelayState, in time, on this keyring. */
class SignInRequestsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String PROVIDER = "arn:aws:iam::222222222222:saml-provider/corp";
    private static final KeyringKey KEY = new KeyringKey("k1", filled(1));
    private static final KeyringKey OTHER_KEY = new KeyringKey("k2", filled(2));

    private static byte[] filled(int value) {
        byte[] material = new byte[KeyringKey.MATERIAL_LENGTH];
        Arrays.fill(material, (byte) value);
        return material;
    }

    private static SignInRequests requests(Keyring keyring, Instant now) {
        return new SignInRequests(keyring, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ReasonCode refusal(Runnable call) {
        try {
            call.run();
        } catch (BridgeRefusal refusal) {
            return refusal.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void whenAnsweredWithItsRelayStateThenTheRequestOpens() {
        var sent = requests(Keyring.of(KEY), T0).open(PROVIDER);
        var answered = requests(Keyring.of(KEY), T0.plusSeconds(60)).answered(sent.id(), sent.relayState());
        assertThat(answered).isEqualTo(new SignInRequest(sent.id(), PROVIDER, sent.relayState(),
                T0.plus(SignInRequests.TTL)));
        assertThat(sent.relayState().length()).isLessThanOrEqualTo(80);
        assertThat(sent.id()).matches("_[A-Za-z0-9_-]+");
    }

    @Test
    void whenTheIdWasChangedThenRefused() {
        var sent = requests(Keyring.of(KEY), T0).open(PROVIDER);
        char last = sent.id().charAt(sent.id().length() - 2);
        String changed = sent.id().substring(0, sent.id().length() - 2) + (last == 'A' ? 'B' : 'A')
                + sent.id().charAt(sent.id().length() - 1);
        assertThat(refusal(() -> requests(Keyring.of(KEY), T0).answered(changed, sent.relayState())))
                .isEqualTo(ReasonCode.SAML_REQUEST_UNMATCHED);
    }

    @Test
    void whenAnotherKeyringSealedItThenRefused() {
        var sent = requests(Keyring.of(OTHER_KEY), T0).open(PROVIDER);
        assertThat(refusal(() -> requests(Keyring.of(KEY), T0).answered(sent.id(), sent.relayState())))
                .isEqualTo(ReasonCode.SAML_REQUEST_UNMATCHED);
    }

    @Test
    void whenTheIdLacksThePrefixThenRefused() {
        var sent = requests(Keyring.of(KEY), T0).open(PROVIDER);
        assertThat(refusal(() -> requests(Keyring.of(KEY), T0).answered(sent.id().substring(1),
                sent.relayState()))).isEqualTo(ReasonCode.SAML_REQUEST_UNMATCHED);
    }

    @Test
    void whenAnsweredAtTheExpiryInstantThenRefused() {
        var sent = requests(Keyring.of(KEY), T0).open(PROVIDER);
        assertThat(refusal(() -> requests(Keyring.of(KEY), T0.plus(SignInRequests.TTL)).answered(sent.id(),
                sent.relayState()))).isEqualTo(ReasonCode.SAML_EXPIRED);
    }

    @Test
    void whenTheRelayStateDiffersThenRefused() {
        var sent = requests(Keyring.of(KEY), T0).open(PROVIDER);
        assertThatThrownBy(() -> requests(Keyring.of(KEY), T0).answered(sent.id(), sent.relayState() + "x"))
                .isInstanceOf(BridgeRefusal.class).hasMessageContaining("does not answer");
    }
}
