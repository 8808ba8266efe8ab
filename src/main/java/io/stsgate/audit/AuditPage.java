package io.stsgate.audit;

import java.util.List;

/** One page of the audit trail, newest first; {@code next} is null on the last page. */
public record AuditPage(List<AuditEvent> events, AuditCursor next) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
