package io.stsgate.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still at an instant until the test sets or advances it, so expiry boundaries can be hit to the
 * second. Unlike {@link TestClock} it does not follow system time.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(Instant now) {
        this.now = now;
    }

    /** Starts at the current second, so tokens minted from it look like real ones. */
    public static MovableClock atNow() {
        return new MovableClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Every reading is in UTC; the zone changes nothing a test looks at. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
