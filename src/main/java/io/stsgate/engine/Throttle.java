package io.stsgate.engine;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Throttling, the AWS way: one token bucket per key (source address or caller, see {@link ThrottleGroup}) and group,
 * held in memory on this replica only. Memory is bounded: each group keeps at most {@code maxKeys} buckets, and a
 * bucket idle for its refill time is dropped, which loses nothing since a new bucket starts full. Throttled requests
 * are counted per group, and a second bucket per group chooses the bounded sample of them that is audited.
 */
public final class Throttle {

    private final Map<ThrottleGroup, Group> groups = new EnumMap<>(ThrottleGroup.class);
    private final Clock clock;

    public Throttle(Map<ThrottleGroup, ThrottleLimit> limits, int maxKeys, ThrottleLimit auditSample, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("throttling needs room for at least one key per group");
        }
        this.clock = clock;
        for (ThrottleGroup group : ThrottleGroup.values()) {
            ThrottleLimit limit = limits.get(group);
            if (limit == null) {
                throw new IllegalArgumentException("no throttling limit for group " + group.label());
            }
            groups.put(group, new Group(limit, maxKeys, new TokenBucket(auditSample, clock.millis())));
        }
    }

    /** Takes one token from {@code key}'s bucket in {@code group}. */
    public ThrottleVerdict admit(ThrottleGroup group, String key) {
        Group g = groups.get(group);
        long now = clock.millis();
        TokenBucket bucket = g.buckets.get(key == null ? "" : key, k -> new TokenBucket(g.limit, now));
        if (bucket.tryTake(now)) {
            return ThrottleVerdict.ADMITTED;
        }
        g.throttled.increment();
        if (g.auditSample.tryTake(now)) {
            return new ThrottleVerdict.Throttled(group, true, g.unaudited.sumThenReset());
        }
        g.unaudited.increment();
        return new ThrottleVerdict.Throttled(group, false, 0);
    }

    /** Requests of {@code group} throttled since start-up, on this replica. */
    public long throttled(ThrottleGroup group) {
        return groups.get(group).throttled.sum();
    }

    /** Buckets {@code group} holds now (an estimate, as the map evicts in the background). */
    public long trackedKeys(ThrottleGroup group) {
        return groups.get(group).buckets.estimatedSize();
    }

    private static final class Group {
        private final ThrottleLimit limit;
        private final Cache<String, TokenBucket> buckets;
        private final TokenBucket auditSample;
        private final LongAdder throttled = new LongAdder();
        private final LongAdder unaudited = new LongAdder();

        Group(ThrottleLimit limit, int maxKeys, TokenBucket auditSample) {
            this.limit = limit;
            this.auditSample = auditSample;
            // Eviction runs on the calling thread: no pool of its own, nothing scheduled on the event loop.
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxKeys)
                    .expireAfterAccess(limit.refillTime().plusSeconds(1))
                    .executor(Runnable::run)
                    .build();
        }
    }
}
