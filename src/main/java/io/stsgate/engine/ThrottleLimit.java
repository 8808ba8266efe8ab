package io.stsgate.engine;

import java.time.Duration;

/**
 * A token bucket's shape: {@code perSecond} tokens are added every second up to {@code burst}, and each request
 * takes one.
 */
public record ThrottleLimit(double perSecond, int burst) {

    public ThrottleLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a throttling rate must be a positive number, not " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a throttling burst must be at least 1, not " + burst);
        }
    }

    /** How long an empty bucket takes to fill: after that an idle bucket equals a new one and may be forgotten. */
    public Duration refillTime() {
        return Duration.ofNanos((long) Math.ceil(burst / perSecond * 1e9));
    }
}
