package io.stsgate.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves forward at the rate of {@link System#nanoTime()}: for measuring intervals (token buckets),
 * never for timestamps that leave the process. A step of the wall clock does not move it.
 */
final class MonotonicClock extends Clock {

    private final long originMillis = System.currentTimeMillis();
    private final long originNanos = System.nanoTime();

    @Override
    public long millis() {
        return originMillis + (System.nanoTime() - originNanos) / 1_000_000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
