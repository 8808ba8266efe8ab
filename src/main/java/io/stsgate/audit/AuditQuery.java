package io.stsgate.audit;

import java.time.Instant;

/**
 * A search of the audit trail; null fields do not restrict it.
 *
 * @param from events at or after this time
 * @param to events before this time
 * @param after continue below this position (from a previous page)
 */
public record AuditQuery(Instant from, Instant to, String roleArn, String subject, AuditEvent.Outcome outcome,
        int maxItems, AuditCursor after) {
}
