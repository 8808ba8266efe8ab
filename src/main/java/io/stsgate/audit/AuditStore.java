package io.stsgate.audit;

import java.util.List;

/** Where the audit trail is kept for querying: the store port, implemented for the embedded database and PostgreSQL. */
public interface AuditStore {

    /** Appends events in one transaction; throws when the store refuses them. */
    void append(List<AuditEvent> events);

    /** Events matching {@code query}, newest first. */
    AuditPage query(AuditQuery query);
}
