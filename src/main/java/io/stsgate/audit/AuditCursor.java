package io.stsgate.audit;

import java.time.Instant;

/** A position in the newest-first order of the audit trail: the time and id of the last event of a page. */
public record AuditCursor(Instant time, long id) {
}
