package io.stsgate.identity.saml;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single-replica replay cache. Expired entries are purged while recording new ones.
 */
public final class InMemoryAssertionReplayCache implements AssertionReplayCache {

    private static final int PURGE_EVERY = 1024;

    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private int sincePurge;

    public InMemoryAssertionReplayCache(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String assertionId, Instant notOnOrAfter) {
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Instant now = clock.instant();
        maybePurge(now);
        AtomicBoolean first = new AtomicBoolean(false);
        seen.compute(assertionId, (id, expiry) -> {
            if (expiry == null || !now.isBefore(expiry)) {
                first.set(true);
                return notOnOrAfter;
            }
            return expiry;
        });
        return first.get();
    }

    /** Number of remembered ids (for tests and metrics). */
    public int size() {
        return seen.size();
    }

    private void maybePurge(Instant now) {
        boolean purge;
        synchronized (this) {
            purge = ++sincePurge >= PURGE_EVERY;
            if (purge) {
                sincePurge = 0;
            }
        }
        if (purge) {
            seen.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
        }
    }
}
