package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.stsgate.testsupport.MovableClock;

class InMemoryAssertionReplayCacheTest {

    @Test
    void firstUseWhenSeenBeforeExpiryThenFalseAndAfterExpiryThenTrueAgain() {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
        InMemoryAssertionReplayCache cache = new InMemoryAssertionReplayCache(clock);
        Instant expiry = clock.instant().plusSeconds(60);
        assertThat(cache.firstUse("_a", expiry)).isTrue();
        assertThat(cache.firstUse("_a", expiry)).isFalse();
        assertThat(cache.firstUse("_b", expiry)).isTrue();
        clock.set(expiry.minusSeconds(1));
        assertThat(cache.firstUse("_a", expiry)).isFalse();
        clock.set(expiry);
        assertThat(cache.firstUse("_a", expiry.plusSeconds(60))).isTrue();
    }
}
