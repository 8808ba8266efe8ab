package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.identity.saml.VerifiedAssertion;

/** The continuation store as plain Java: expiry at -1, 0 and +1 second, single use, CSRF, the size bound. */
class PendingSignInsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final PendingSignIns store = store(clock);

    private static PendingSignIns store(Clock clock) {
        var store = new PendingSignIns();
        store.clock = clock;
        return store;
    }

    private static PendingSignIn open(PendingSignIns store) {
        var assertion = new VerifiedAssertion("https://idp.example.com", "alice", "persistent",
                "https://stsgate.example.com/saml", "urn:amazon:webservices", "_a1", T0.plusSeconds(300), null,
                Map.of(), null);
        return store.open(assertion, "arn:aws:iam::222222222222:saml-provider/corp", List.of(new RoleChoice(
                "arn:aws:iam::222222222222:role/r", "arn:aws:iam::222222222222:saml-provider/corp", "222222222222",
                "r")));
    }

    private static String reason(Runnable action) {
        try {
            action.run();
        } catch (BridgeRefusal r) {
            return r.detail();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void whenTakenOneSecondBeforeExpiryThenValid() {
        var entry = open(store);
        clock.now = T0.plus(PendingSignIns.TTL).minusSeconds(1);
        assertThat(store.take(entry.id(), entry.csrfToken(), entry.csrfToken())).isEqualTo(entry);
    }

    @Test
    void whenTakenAtExpiryThenExpired() {
        var entry = open(store);
        clock.now = T0.plus(PendingSignIns.TTL);
        assertThat(reason(() -> store.take(entry.id(), entry.csrfToken(), entry.csrfToken())))
                .isEqualTo("continuation expired");
    }

    @Test
    void whenTakenOneSecondAfterExpiryThenExpired() {
        var entry = open(store);
        clock.now = T0.plus(PendingSignIns.TTL).plusSeconds(1);
        assertThat(reason(() -> store.take(entry.id(), entry.csrfToken(), entry.csrfToken())))
                .isEqualTo("continuation expired");
    }

    @Test
    void whenTakenTwiceThenTheSecondFindsNothing() {
        var entry = open(store);
        store.take(entry.id(), entry.csrfToken(), entry.csrfToken());
        assertThat(reason(() -> store.take(entry.id(), entry.csrfToken(), entry.csrfToken())))
                .contains("already consumed");
    }

    @Test
    void whenTheCsrfTokenIsWrongThenRefusedAndSpent() {
        var entry = open(store);
        assertThat(reason(() -> store.take(entry.id(), entry.csrfToken(), "x"))).contains("does not match");
        assertThat(store.size()).isZero();
    }

    @Test
    void whenTheCsrfTokenIsMissingThenRefused() {
        var entry = open(store);
        assertThat(reason(() -> store.take(entry.id(), null, entry.csrfToken()))).contains("missing");
    }

    @Test
    void idsAndTokensAre256RandomBitsAndDiffer() {
        var a = open(store);
        var b = open(store);
        assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
        assertThat(a.csrfToken()).hasSize(43).isNotEqualTo(b.csrfToken());
        assertThat(a.toString()).doesNotContain(a.id()).doesNotContain(a.csrfToken());
    }

    @Test
    void whenFullThenExpiredEntriesMakeRoomAndOtherwiseBusy() {
        for (int i = 0; i < PendingSignIns.MAX_PENDING; i++) {
            open(store);
        }
        assertThatThrownBy(() -> open(store)).isInstanceOf(BridgeRefusal.class)
                .satisfies(e -> assertThat(((BridgeRefusal) e).status()).isEqualTo(503));
        clock.now = T0.plus(PendingSignIns.TTL).plus(Duration.ofSeconds(1));
        open(store);
        assertThat(store.size()).isEqualTo(1);
    }
}
