package io.stsgate.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stsgate.audit.AuditFanOut;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.LogAuditSink;
import io.stsgate.audit.RefusalAggregation;
import io.stsgate.audit.StoreAuditSink;
import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.store.JdbcAuditStore;
import io.stsgate.directory.store.StoreDialect;

/**
 * The audit trail: every event, within its bounds, to the log and, asynchronously in batches, to the store, where the
 * admin API queries it. Floods of unauthenticated refusals are aggregated before either sees them. The request path
 * only enqueues; shutdown writes what is queued. One replica at a time enforces the retention and the size cap.
 */
@Singleton
public class AuditSource {

    /** Distinct (action, reason, source) keys of aggregated refusals kept per minute. */
    static final int AGGREGATION_KEYS = 10_000;
    private static final Logger LOG = Logger.getLogger(AuditSource.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stsgate-audit-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    @Produces
    @Singleton
    JdbcAuditStore auditStore(@Store DataSource dataSource, StoreDialect dialect) {
        return new JdbcAuditStore(dataSource, dialect);
    }

    @Produces
    @Singleton
    @Typed(StoreAuditSink.class)
    StoreAuditSink storeAuditSink(JdbcAuditStore store, StsgateConfig config, MeterRegistry metrics, Clock clock) {
        var settings = config.audit().store();
        return new StoreAuditSink(store, settings.queueCapacity(), settings.batchSize(), settings.linger(),
                (cause, kind, events) -> metrics.counter("stsgate.audit.store.dropped", "cause", cause, "kind", kind)
                        .increment(events),
                clock);
    }

    void flush(@Disposes StoreAuditSink sink, StsgateConfig config) {
        sink.close(config.audit().store().flushTimeout());
    }

    /**
     * Writes the queued events while the store is still open: the shutdown event comes before any bean is destroyed,
     * and the datasource may be destroyed before the sinks (events written then failed, were retried and logged as a
     * store outage). Refusals counted in the current minute are written first. Events of requests still in flight go
     * to the log, and count as dropped from the store.
     */
    void flushBeforeTheStoreCloses(@Observes ShutdownEvent event, RefusalAggregation aggregation,
            StoreAuditSink store, LogAuditSink log, StsgateConfig config) {
        scheduler.shutdownNow();
        aggregation.flushAll();
        store.close(config.audit().store().flushTimeout());
        log.close();
    }

    @Produces
    @Singleton
    @Typed(LogAuditSink.class)
    LogAuditSink logAuditSink(StsgateConfig config) {
        return new LogAuditSink(config.audit().log().queueCapacity(), config.audit().log().flushTimeout());
    }

    void closeLog(@Disposes LogAuditSink sink) {
        sink.close();
    }

    @Produces
    @Singleton
    @Typed(RefusalAggregation.class)
    RefusalAggregation refusalAggregation(LogAuditSink log, StoreAuditSink store, StsgateConfig config, Clock clock) {
        var aggregation = new RefusalAggregation(new AuditFanOut(List.of(log, store)), clock,
                config.audit().refusalsPerMinute(), AGGREGATION_KEYS);
        // A flood that stops is still written: its last minute is closed within seconds.
        scheduler.scheduleWithFixedDelay(aggregation::flush, 5, 5, TimeUnit.SECONDS);
        return aggregation;
    }

    @Produces
    @Singleton
    AuditSink auditSink(RefusalAggregation aggregation) {
        return aggregation;
    }

    /** Retention and size cap, on every replica; the store's purge lock lets one at a time do the work. */
    void purgeRegularly(@Observes StartupEvent event, JdbcAuditStore store, StsgateConfig config, Clock clock) {
        var settings = config.audit().store();
        Duration first = Duration.ofSeconds(Math.min(60, Math.max(1, settings.purgeInterval().toSeconds())));
        next(() -> purge(store, settings, new AuditPurgeSchedule(settings.purgeInterval()), clock), first);
    }

    private void purge(JdbcAuditStore store, StsgateConfig.AuditStore settings, AuditPurgeSchedule schedule,
            Clock clock) {
        long deleted = 0;
        try {
            deleted = store.purge(clock.instant().minus(settings.retention()), settings.maxEvents());
            if (deleted > 0) {
                LOG.infof("Audit trail: %d event(s) beyond the retention (%s) or the cap (%d events) deleted",
                        deleted, settings.retention(), settings.maxEvents());
            }
        } catch (RuntimeException e) {
            // The store's health reports outages; the next run catches up.
            LOG.debugf("Audit trail purge failed: %s", e.getMessage());
        }
        next(() -> purge(store, settings, schedule, clock), schedule.after(deleted));
    }

    private void next(Runnable purge, Duration delay) {
        try {
            scheduler.schedule(purge, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start purges.
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
