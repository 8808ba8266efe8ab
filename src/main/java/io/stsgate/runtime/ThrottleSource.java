package io.stsgate.runtime;

import java.time.Clock;
import java.util.EnumMap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.stsgate.config.StsgateConfig;
import io.stsgate.engine.Throttle;
import io.stsgate.engine.ThrottleGroup;
import io.stsgate.engine.ThrottleLimit;

/**
 * Throttling from {@code stsgate.throttling.*}, with its metrics: {@code stsgate_throttled_total{group}} counts the
 * requests refused and {@code stsgate_throttle_keys{group}} the buckets held, on this replica.
 */
@Singleton
public class ThrottleSource {

    @Produces
    @Singleton
    @Startup
    Throttle throttle(StsgateConfig config, MeterRegistry metrics) {
        // Buckets refill with the passing of time, not with the clock that stamps credentials: that one is fixed in
        // tests, and a step of the wall clock would refill or starve every bucket at once.
        Clock clock = new MonotonicClock();
        var settings = config.throttling();
        var limits = new EnumMap<ThrottleGroup, ThrottleLimit>(ThrottleGroup.class);
        limits.put(ThrottleGroup.WEB_IDENTITY,
                new ThrottleLimit(settings.webIdentity().rate(), settings.webIdentity().burst()));
        limits.put(ThrottleGroup.SAML, new ThrottleLimit(settings.saml().rate(), settings.saml().burst()));
        limits.put(ThrottleGroup.SAML_BROWSER,
                new ThrottleLimit(settings.samlBrowser().rate(), settings.samlBrowser().burst()));
        limits.put(ThrottleGroup.SIGNED_ISSUE,
                new ThrottleLimit(settings.signedIssue().rate(), settings.signedIssue().burst()));
        limits.put(ThrottleGroup.SIGNED_READ,
                new ThrottleLimit(settings.signedRead().rate(), settings.signedRead().burst()));
        var sample = new ThrottleLimit(settings.auditSample().rate(), settings.auditSample().burst());
        var throttle = new Throttle(limits, settings.maxKeys(), sample, clock);
        for (ThrottleGroup group : ThrottleGroup.values()) {
            FunctionCounter.builder("stsgate.throttled", throttle, t -> t.throttled(group))
                    .description("Requests refused with Throttling (HTTP 429 on the browser pages), on this replica")
                    .tag("group", group.label())
                    .register(metrics);
            Gauge.builder("stsgate.throttle.keys", throttle, t -> t.trackedKeys(group))
                    .description("Token buckets held (source addresses or callers), on this replica")
                    .tag("group", group.label())
                    .register(metrics);
        }
        return throttle;
    }
}
