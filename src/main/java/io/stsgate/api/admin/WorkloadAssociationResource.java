package io.stsgate.api.admin;

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

import io.stsgate.directory.DirectoryFile.WorkloadAssociationEntry;
import io.stsgate.directory.store.EntryKind;

/**
 * Workload associations of an account (provider and subject to role, for the container credentials endpoint),
 * addressed by name. The name does not change; everything else is replaced with PUT.
 */
@Path("/admin/v1/accounts/{accountId}/workload-associations")
@Tag(name = "Workload associations")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class WorkloadAssociationResource {

    static final EntryType<WorkloadAssociationEntry> TYPE = EntryType.named(EntryKind.WORKLOAD_ASSOCIATION,
            "workload-association", "workload association", WorkloadAssociationEntry.class,
            WorkloadAssociationEntry::name, FileEntries::workloadAssociation).keyedByStore();

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the workload associations of an account", description = "Ordered by key, maxItems "
            + "(1-1000, default 100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of associations: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, accountId, maxItems, nextToken);
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a workload association", description = "The ETag header carries the version for "
            + "If-Match.")
    @APIResponse(responseCode = "200", description = "The association")
    @APIResponse(responseCode = "404", description = "No such account or association")
    public Response get(@PathParam("accountId") String accountId, @PathParam("name") String name) {
        return endpoint.get(TYPE, accountId, name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a workload association", description = "Body: a workload association of the "
            + "directory file (name, provider: the issuer URL of an OIDC provider of the account, subject, roleArn, "
            + "clusterName, sessionDuration).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (unknown provider, a role of another account, a "
            + "subject already associated, ...); the message names the field")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "An association of that name exists in the account")
    public Response create(@PathParam("accountId") String accountId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WorkloadAssociationEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, accountId, body, uri);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace a workload association", description = "The whole association, its name "
            + "unchanged; If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account or association")
    @APIResponse(responseCode = "412", description = "The association changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @PathParam("name") String name,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WorkloadAssociationEntry.class))) String body) {
        return endpoint.replace(TYPE, accountId, name, ifMatch, body);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete a workload association", description = "Its workloads get no credentials from "
            + "now on (unless they name a role in the path). If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account or association")
    @APIResponse(responseCode = "412", description = "The association changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("name") String name,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, accountId, name, ifMatch);
    }
}
