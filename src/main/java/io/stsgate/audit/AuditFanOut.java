package io.stsgate.audit;

import java.util.List;

import org.jboss.logging.Logger;

/**
 * Hands every event, within its {@link AuditBounds}, to every sink (the log and the store), so neither sees less or
 * more than the other.
 */
public final class AuditFanOut implements AuditSink {

    private static final Logger LOG = Logger.getLogger(AuditFanOut.class);

    private final List<AuditSink> sinks;

    public AuditFanOut(List<AuditSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void record(AuditEvent whole) {
        AuditEvent event = AuditBounds.bounded(whole);
        for (AuditSink sink : sinks) {
            try {
                sink.record(event);
            } catch (RuntimeException e) {
                // Sinks must not throw; if one does, the others still get the event and the request goes on.
                LOG.errorf("audit sink %s failed for %s: %s", sink.getClass().getSimpleName(), event.requestId(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
