package io.stsgate.testsupport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.LogAuditSink;
import io.stsgate.config.StsgateConfig;

/**
 * The log sink, also keeping the latest events so tests can read the precise reason of an outcome. It replaces the
 * log sink inside the fan-out, so the store sink still gets every event.
 */
@Alternative
@Typed({ RecordingAuditSink.class, LogAuditSink.class })
@Priority(1)
@Singleton
public class RecordingAuditSink extends LogAuditSink {

    private static final int KEPT = 500;
    private final ConcurrentLinkedDeque<AuditEvent> events = new ConcurrentLinkedDeque<>();

    @Inject
    public RecordingAuditSink(StsgateConfig config) {
        super(config.audit().log().queueCapacity(), config.audit().log().flushTimeout());
    }

    @Override
    public void record(AuditEvent event) {
        super.record(event);
        events.addFirst(event);
        while (events.size() > KEPT) {
            events.pollLast();
        }
    }

    /** The kept events, newest first. */
    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public Optional<AuditEvent> byRequestId(String requestId) {
        return events.stream().filter(e -> requestId.equals(e.requestId())).findFirst();
    }
}
