package io.stsgate.api.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stsgate.audit.AuditEvent;

/** One page of {@code GET /admin/v1/audit-events}, newest first; {@code nextToken} is absent on the last page. */
public record AuditEventPage(List<AuditEvent> events, @JsonInclude(JsonInclude.Include.NON_NULL) String nextToken) {
}
