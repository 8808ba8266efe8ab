package io.stsgate.api.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stsgate.audit.AuditCursor;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.AuditPage;
import io.stsgate.audit.AuditQuery;
import io.stsgate.directory.store.JdbcAuditStore;

/**
 * The audit trail: one event per STS request, newest first, filtered by time, role, subject and outcome. Events reach
 * the store asynchronously, usually well within a second of the request.
 */
@Path("/admin/v1/audit-events")
@Tag(name = "Audit trail")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    @Inject
    JdbcAuditStore store;

    @GET
    @RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
    @Operation(summary = "Query the audit trail", description = "Issuances and denials, newest first, filtered by "
            + "time range (from, to: ISO-8601 instants), roleArn, subject and outcome (success or failure); "
            + "maxItems (1-1000, default 100) per page, nextToken for the next.")
    @APIResponse(responseCode = "200", description = "A page of events: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "An invalid filter, maxItems or nextToken; the message names it")
    public AuditEventPage events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("roleArn") String roleArn, @QueryParam("subject") String subject,
            @QueryParam("outcome") String outcome, @QueryParam("maxItems") Integer maxItems,
            @QueryParam("nextToken") String nextToken) {
        var query = new AuditQuery(instant("from", from), instant("to", to), blankToNull(roleArn),
                blankToNull(subject), outcome(outcome), PageSize.of(maxItems, DEFAULT_PAGE, MAX_PAGE),
                nextToken == null ? null : cursor(nextToken));
        AuditPage page = store.query(query);
        return new AuditEventPage(page.events(), page.next() == null ? null : token(page.next()));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw AdminProblem.invalid(field, field + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static AuditEvent.Outcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditEvent.Outcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminProblem.invalid("outcome", "outcome must be success or failure");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The position as "epoch seconds.nanos:id", base64url: opaque to clients, stable across replicas. */
    private static String token(AuditCursor cursor) {
        String text = cursor.time().getEpochSecond() + "." + cursor.time().getNano() + ":" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static AuditCursor cursor(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int dot = text.indexOf('.');
            int colon = text.indexOf(':');
            if (dot > 0 && colon > dot) {
                return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(text.substring(0, dot)),
                        Long.parseLong(text.substring(dot + 1, colon))), Long.parseLong(text.substring(colon + 1)));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // falls through to the refusal below
        }
        throw AdminProblem.invalid("nextToken", "nextToken is not a token this API returned");
    }
}
