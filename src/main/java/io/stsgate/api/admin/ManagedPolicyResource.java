package io.stsgate.api.admin;

import java.util.List;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.stsgate.directory.DirectoryFile.ManagedPolicyEntry;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;
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

    @Inject
    AdminDirectory directory;

    @Inject
    FileEntries entries;

    @GET
    @Operation(summary = "List the managed policies of an account", description = "Ordered by ARN, maxItems (1-1000, default "
            + "100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of managed policies: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        PageRequest page = PageRequest.of("managed policy " + accountId, maxItems, nextToken);
        DirectoryView view = directory.read();
        view.account(accountId);
        return EntryResponses.page(page.page(view.inAccount(EntryKind.MANAGED_POLICY, accountId)));
    }

    @GET
    @Path("{policyName}")
    @Operation(summary = "Read a managed policy", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The managed policy")
    @APIResponse(responseCode = "404", description = "No such account or managed policy")
    public Response get(@PathParam("accountId") String accountId, @PathParam("policyName") String policyName) {
        return EntryResponses.ok(find(directory.read(), accountId, policyName));
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
        ManagedPolicyEntry policy = EntryBody.read(body, ManagedPolicyEntry.class, Set.of());
        String name = EntryRules.required(policy.name(), "name");
        NewEntry entry = entries.managedPolicy(accountId, policy);
        StoredEntry created = directory.change(edit -> {
            DirectoryView view = edit.view();
            view.account(accountId);
            EntryRules.notTaken(view.named(EntryKind.MANAGED_POLICY, accountId, name), "managed policy " + name);
            return edit.transaction().insert(entry.id(), accountId, entry.body());
        });
        return EntryResponses.created(AccountResource.location(uri, name), created);
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
        long version = EntityTags.expectedVersion(ifMatch);
        ManagedPolicyEntry policy = EntryBody.read(body, ManagedPolicyEntry.class, Set.of());
        EntryRules.sameAsUrl("name", policy.name(), policyName);
        NewEntry entry = entries.managedPolicy(accountId, policy);
        StoredEntry replaced = directory.change(edit -> {
            StoredEntry current = find(edit.view(), accountId, policyName);
            EntryRules.sameKey(entry, current, "path");
            return edit.transaction().update(current.id(), version, entry.body());
        });
        return EntryResponses.ok(replaced);
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
        long version = EntityTags.expectedVersion(ifMatch);
        directory.change(edit -> {
            DirectoryView view = edit.view();
            StoredEntry current = find(view, accountId, policyName);
            EntryRules.noDependents(attachedTo(view, current.key()), "managed policy " + current.key());
            edit.transaction().delete(current.id(), version);
            return current;
        });
        return EntryResponses.deleted();
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

    private static StoredEntry find(DirectoryView view, String accountId, String policyName) {
        view.account(accountId);
        return view.named(EntryKind.MANAGED_POLICY, accountId, policyName)
                .orElseThrow(() -> AdminProblem.notFound("managed policy " + policyName + " of account " + accountId));
    }
}
