package io.stsgate.api.admin;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stsgate.directory.DirectoryFile.RoleEntry;
import io.stsgate.directory.store.EntryKind;

/** Roles of an account, addressed by name; the path is in the body and part of the ARN, so it does not change. */
@Path("/admin/v1/accounts/{accountId}/roles")
@Tag(name = "Roles")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    /** The unique id ({@code AIDA…}/{@code AROA…}) is assigned when the entry is created and never changes. */
    private static final Set<String> ASSIGNED = Set.of("roleId");

    static final EntryType<RoleEntry> TYPE = EntryType.named(EntryKind.ROLE, "role", "role", RoleEntry.class,
            RoleEntry::name, FileEntries::role).withAssigned(ASSIGNED).withKeyField("path");

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the roles of an account", description = "Ordered by ARN, maxItems (1-1000, default "
            + "100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of roles: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, accountId, maxItems, nextToken);
    }

    @GET
    @Path("{roleName}")
    @Operation(summary = "Read a role", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The role")
    @APIResponse(responseCode = "404", description = "No such account or role")
    public Response get(@PathParam("accountId") String accountId, @PathParam("roleName") String roleName) {
        return endpoint.get(TYPE, accountId, roleName);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a role", description = "Body: a role of the directory file (name, path, "
            + "description, maxSessionDuration, trustPolicy, policies, tags). stsgate assigns a random roleId "
            + "(AROA...); a role deleted and created again gets a new one, so sessions of the old role stay refused.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (a policy, a missing managed policy, ...); "
            + "the message names the field")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "A role of that name exists in the account")
    public Response create(@PathParam("accountId") String accountId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RoleEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, accountId, body, uri);
    }

    @PUT
    @Path("{roleName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace a role", description = "The whole role (name and path unchanged; roleId is kept "
            + "and ignored in the body); If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account or role")
    @APIResponse(responseCode = "412", description = "The role changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @PathParam("roleName") String roleName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RoleEntry.class))) String body) {
        return endpoint.replace(TYPE, accountId, roleName, ifMatch, body);
    }

    @DELETE
    @Path("{roleName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete a role", description = "If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account or role")
    @APIResponse(responseCode = "412", description = "The role changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("roleName") String roleName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, accountId, roleName, ifMatch);
    }
}
