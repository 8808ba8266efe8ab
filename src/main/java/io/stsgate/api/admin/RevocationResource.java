package io.stsgate.api.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.stsgate.directory.Directory;
import io.stsgate.directory.Revocation;
import io.stsgate.directory.store.JdbcRevocationStore;
import io.stsgate.engine.StoreCalls;

/**
 * Revocations: {@code POST} revokes a temporary credential or the sessions of a role, subject or source identity
 * issued before a time; {@code GET} lists those in force. Every replica refuses a revoked credential within the
 * store's poll interval (at once on this replica and, on PostgreSQL, through notifications).
 */
@Path("/admin/v1/revocations")
@Tag(name = "Revocations")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    @Inject
    JdbcRevocationStore store;
    @Inject
    StoreCalls storeCalls;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;
    @Inject
    AdminChangeLog changeLog;
    @Inject
    Directory directory;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Revoke credentials", description = "scope access-key (target: an ASIA access key id), "
            + "role (target: a role ARN; its sessions issued before issuedBefore, default now), subject or "
            + "source-identity (target: the value); reason is recorded. Refused by every replica within seconds. "
            + "A long-term key is disabled through its access key (status Inactive).")
    @APIResponse(responseCode = "201", description = "In force; the revocation with its id and expiry")
    @APIResponse(responseCode = "400", description = "Invalid scope, target or time; the message names the field")
    @APIResponse(responseCode = "404", description = "The role, user or provider named by target does not exist "
            + "(send allowUnknownTarget: true to revoke anyway)")
    public Response revoke(RevocationRequest request) {
        var checked = RevocationRules.check(request, identity.getPrincipal().getName(), clock.instant());
        if (checked instanceof RevocationRules.Checked.Invalid invalid) {
            throw AdminProblem.invalid(invalid.field(), invalid.message());
        }
        var revocation = ((RevocationRules.Checked.Valid) checked).revocation();
        if (!request.unknownTargetAllowed() && !RevocationTargets.exists(directory, revocation)) {
            throw new AdminProblem(AdminErrorCode.NOT_FOUND, "target", revocation.target() + " does not exist; "
                    + "check for a typo, or send \"allowUnknownTarget\": true to revoke it anyway");
        }
        Revocation added = storeCalls.call(() -> store.add(revocation));
        changeLog.committed(List.of(AdminChange.revoked(added)));
        return Response.status(Response.Status.CREATED).entity(RevocationView.of(added)).build();
    }

    @GET
    @RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
    @Operation(summary = "List revocations in force", description = "Newest first, maxItems (1-1000, default "
            + "100) per page; pass nextToken to get the next.")
    @APIResponse(responseCode = "200", description = "A page of revocations: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    public RevocationPage list(@QueryParam("maxItems") Integer maxItems, @QueryParam("nextToken") String nextToken) {
        int size = PageSize.of(maxItems, DEFAULT_PAGE, MAX_PAGE);
        Long beforeId = nextToken == null ? null : beforeId(nextToken);
        List<Revocation> page = store.page(size + 1, beforeId);
        boolean more = page.size() > size;
        List<Revocation> shown = more ? page.subList(0, size) : page;
        String next = more ? token(shown.get(shown.size() - 1).id()) : null;
        return new RevocationPage(shown.stream().map(RevocationView::of).toList(), next);
    }

    private static String token(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("r" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Long beforeId(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("r")) {
                return Long.parseLong(text.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw AdminProblem.invalid("nextToken", "nextToken is not a token this API returned");
    }
}
