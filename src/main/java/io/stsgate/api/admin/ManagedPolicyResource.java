package io.stsgate.api.admin;

import java.util.List;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.stsgate.directory.DirectoryFile.ManagedPolicyEntry;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * Managed policies of an account, addressed by name; the path is in the body and part of the ARN, so it does not
 * change. A policy attached to a user or role cannot be deleted until it is detached.
 */
@Path("/admin/v1/accounts/{accountId}/managed-policies")
@Tag(name = "Managed policies")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class ManagedPolicyResource {

    static final EntryType<ManagedPolicyEntry> TYPE = EntryType.named(EntryKind.MANAGED_POLICY, "managed policy",
            "managed policy", ManagedPolicyEntry.class, ManagedPolicyEntry::name, FileEntries::managedPolicy)
            .withKeyField("path").withDependents((view, current) -> EntryRules.noDependents(
                    attachedTo(view, current.key()), "managed policy " + current.key()));

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the managed policies of an account", description = "Ordered by ARN, maxItems (1-1000, default "
            + "100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of managed policies: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, accountId, maxItems, nextToken);
    }

    @GET
    @Path("{policyName}")
    @Operation(summary = "Read a managed policy", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The managed policy")
    @APIResponse(responseCode = "404", description = "No such account or managed policy")
    public Response get(@PathParam("accountId") String accountId, @PathParam("policyName") String policyName) {
        return endpoint.get(TYPE, accountId, policyName);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a managed policy", description = "Body: a managed policy of the directory file (name, "
            + "path, description, document).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (the policy document, ...); the message "
            + "names the field")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "A managed policy of that name exists in the account")
    public Response create(@PathParam("accountId") String accountId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ManagedPolicyEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, accountId, body, uri);
    }

    @PUT
    @Path("{policyName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace a managed policy", description = "The whole policy (name and path unchanged); If-Match must "
            + "carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account or managed policy")
    @APIResponse(responseCode = "412", description = "The policy changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @PathParam("policyName") String policyName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ManagedPolicyEntry.class))) String body) {
        return endpoint.replace(TYPE, accountId, policyName, ifMatch, body);
    }

    @DELETE
    @Path("{policyName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete a managed policy", description = "Only when no user or role has it attached. "
            + "If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Still attached to a user or role (DeleteConflict)")
    @APIResponse(responseCode = "404", description = "No such account or managed policy")
    @APIResponse(responseCode = "412", description = "The policy changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("policyName") String policyName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, accountId, policyName, ifMatch);
    }

    /** Users and roles whose policies.managed names {@code policyArn}. */
    private static List<StoredEntry> attachedTo(DirectoryView view, String policyArn) {
        return view.entries().stream()
                .filter(e -> e.kind() == EntryKind.USER || e.kind() == EntryKind.ROLE)
                .filter(e -> {
                    for (JsonNode managed : e.body().path("policies").path("managed")) {
                        if (managed.asText().equals(policyArn)) {
                            return true;
                        }
                    }
                    return false;
                }).toList();
    }
}
