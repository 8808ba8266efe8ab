package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.identity.saml.InMemoryAssertionReplayCache;
import io.stsgate.identity.saml.VerifiedAssertion;
import io.stsgate.testsupport.MovableClock;

/**
 * The sealed continuation as plain Java: it round-trips, opens on another replica with the same keyring and one-time
 * store, expires at -1, 0 and +1 second, is spent once, is bound to the CSRF token, and cannot be changed.
 */
class PendingSignInsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Keyring KEYRING = Keyring.of(new KeyringKey("k1", filled(7)));

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryAssertionReplayCache uses = new InMemoryAssertionReplayCache(clock);
    private final PendingSignIns store = store(KEYRING);

    private static byte[] filled(int value) {
        byte[] material = new byte[KeyringKey.MATERIAL_LENGTH];
        Arrays.fill(material, (byte) value);
        return material;
    }

    private PendingSignIns store(Keyring keyring) {
        return new PendingSignIns(new TokenSealer(keyring, KeyPurpose.SAML_SIGN_IN), clock, uses);
    }

    /** An entry and the continuation the picker would carry. */
    private record Opened(PendingSignIn entry, String continuation) {
    }

    private Opened open(Map<String, List<String>> attributes) {
        var assertion = new VerifiedAssertion("https://idp.example.com", "alice", "persistent",
                "https://stsgate.example.com/saml", "urn:amazon:webservices", "_a1", T0.plusSeconds(300), null,
                attributes, "_req");
        var entry = store.open(assertion, "arn:aws:iam::222222222222:saml-provider/corp", List.of(new RoleChoice(
                "arn:aws:iam::222222222222:role/r", "arn:aws:iam::222222222222:saml-provider/corp", "222222222222",
                "r")));
        return new Opened(entry, store.continuation(entry));
    }

    private Opened open() {
        return open(Map.of("https://aws.amazon.com/SAML/Attributes/RoleSessionName", List.of("alice")));
    }

    private static String reason(Runnable action) {
        try {
            action.run();
        } catch (BridgeRefusal r) {
            return r.detail();
        }
        throw new AssertionError("not refused");
    }

    private PendingSignIn take(PendingSignIns on, Opened opened) {
        return on.take(opened.continuation(), opened.entry().csrfToken(), opened.entry().csrfToken());
    }

    @Test
    void whenTakenWithBothTokensThenTheWholeEntryComesBack() {
        var opened = open();
        PendingSignIn taken = take(store, opened);
        assertThat(taken).isEqualTo(opened.entry());
        assertThat(taken.assertion()).isEqualTo(opened.entry().assertion());
    }

    @Test
    void whenTakenOnAnotherReplicaWithTheSameKeyringThenItOpens() {
        var opened = open();
        assertThat(take(store(KEYRING), opened)).isEqualTo(opened.entry());
    }

    @Test
    void whenAnotherKeyringSealedItThenUnknown() {
        var opened = open();
        var elsewhere = store(Keyring.of(new KeyringKey("k2", filled(9))));
        assertThat(reason(() -> take(elsewhere, opened))).contains("unknown");
    }

    @Test
    void whenTheContinuationWasChangedThenUnknown() {
        var opened = open();
        String c = opened.continuation();
        char flipped = c.charAt(c.length() / 2) == 'A' ? 'B' : 'A';
        String changed = c.substring(0, c.length() / 2) + flipped + c.substring(c.length() / 2 + 1);
        assertThat(reason(() -> store.take(changed, opened.entry().csrfToken(), opened.entry().csrfToken())))
                .contains("unknown");
    }

    @Test
    void whenTakenOneSecondBeforeExpiryThenValid() {
        var opened = open();
        clock.set(T0.plus(PendingSignIns.TTL).minusSeconds(1));
        assertThat(take(store, opened)).isEqualTo(opened.entry());
    }

    @Test
    void whenTakenAtExpiryThenExpired() {
        var opened = open();
        clock.set(T0.plus(PendingSignIns.TTL));
        assertThat(reason(() -> take(store, opened))).isEqualTo("continuation expired");
    }

    @Test
    void whenTakenOneSecondAfterExpiryThenExpired() {
        var opened = open();
        clock.set(T0.plus(PendingSignIns.TTL).plusSeconds(1));
        assertThat(reason(() -> take(store, opened))).isEqualTo("continuation expired");
    }

    @Test
    void whenTakenTwiceThenTheSecondFindsItUsedEvenOnAnotherReplica() {
        var opened = open();
        take(store, opened);
        assertThat(reason(() -> take(store(KEYRING), opened))).contains("already consumed");
    }

    @Test
    void whenTheCsrfTokenIsWrongThenRefusedAndSpent() {
        var opened = open();
        assertThat(reason(() -> store.take(opened.continuation(), opened.entry().csrfToken(), "x")))
                .contains("does not match");
        assertThat(reason(() -> take(store, opened))).contains("already consumed");
    }

    @Test
    void whenTheCsrfTokenIsMissingThenRefused() {
        var opened = open();
        assertThat(reason(() -> store.take(opened.continuation(), null, opened.entry().csrfToken())))
                .contains("missing");
    }

    @Test
    void whenTheContinuationIsMissingThenRefused() {
        assertThat(reason(() -> store.take(null, "x", "x"))).isEqualTo("no continuation parameter");
    }

    @Test
    void idsAndTokensAre256RandomBitsAndStayOutOfTheSealedFormsText() {
        var a = open();
        var b = open();
        assertThat(a.entry().id()).hasSize(43).isNotEqualTo(b.entry().id()).isNotEqualTo(a.entry().csrfToken());
        assertThat(a.entry().csrfToken()).hasSize(43).isNotEqualTo(b.entry().csrfToken());
        assertThat(a.entry().toString()).doesNotContain(a.entry().id()).doesNotContain(a.entry().csrfToken());
        assertThat(a.continuation()).doesNotContain("alice").doesNotContain(a.entry().csrfToken());
    }

    @Test
    void whenTheAssertionCarriesManyAttributesThenTheContinuationStaysCompact() {
        var attributes = new java.util.LinkedHashMap<String, List<String>>();
        for (int i = 0; i < 200; i++) {
            attributes.put("https://example.com/claims/group-" + i, List.of("engineering-team-" + i, "all-staff"));
        }
        var opened = open(attributes);
        assertThat(opened.continuation().length()).isLessThan(TokenSealer.MAX_TOKEN_LENGTH / 4);
        assertThat(take(store, opened).assertion().attributes()).hasSize(200);
    }
}
