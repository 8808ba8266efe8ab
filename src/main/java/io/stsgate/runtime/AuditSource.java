package io.stsgate.runtime;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.stsgate.audit.AuditFanOut;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.LogAuditSink;
import io.stsgate.audit.StoreAuditSink;
import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.store.JdbcAuditStore;

/**
 * The audit trail: every event to the log and, asynchronously in batches, to the store, where the admin API queries
 * it. The request path only enqueues; shutdown writes what is queued.
 */
@Singleton
public class AuditSource {

    @Produces
    @Singleton
    JdbcAuditStore auditStore(@Store DataSource dataSource) {
        return new JdbcAuditStore(dataSource);
    }

    @Produces
    @Singleton
    @Typed(StoreAuditSink.class)
    StoreAuditSink storeAuditSink(JdbcAuditStore store, StsgateConfig config, MeterRegistry metrics, Clock clock) {
        var settings = config.audit().store();
        return new StoreAuditSink(store, settings.queueCapacity(), settings.batchSize(),
                (cause, kind, events) -> metrics.counter("stsgate.audit.store.dropped", "cause", cause, "kind", kind)
                        .increment(events),
                clock);
    }

    void flush(@Disposes StoreAuditSink sink, StsgateConfig config) {
        sink.close(config.audit().store().flushTimeout());
    }

    @Produces
    @Singleton
    AuditSink auditSink(LogAuditSink log, StoreAuditSink store) {
        return new AuditFanOut(List.of(log, store));
    }
}
