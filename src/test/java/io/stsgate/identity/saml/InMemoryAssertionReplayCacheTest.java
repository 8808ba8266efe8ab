package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InMemoryAssertionReplayCacheTest {

    private static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

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

    @Test
    void firstUseWhenSeenBeforeExpiryThenFalseAndAfterExpiryThenTrueAgain() {
        SettableClock clock = new SettableClock();
        InMemoryAssertionReplayCache cache = new InMemoryAssertionReplayCache(clock);
        Instant expiry = clock.now.plusSeconds(60);
        assertThat(cache.firstUse("_a", expiry)).isTrue();
        assertThat(cache.firstUse("_a", expiry)).isFalse();
        assertThat(cache.firstUse("_b", expiry)).isTrue();
        clock.now = expiry.minusSeconds(1);
        assertThat(cache.firstUse("_a", expiry)).isFalse();
        clock.now = expiry;
        assertThat(cache.firstUse("_a", expiry.plusSeconds(60))).isTrue();
    }
}
