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

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.crypto.AccessKeyIds;
import io.stsgate.crypto.LongTermSecrets;
import io.stsgate.directory.AccessKey;
import io.stsgate.directory.DirectoryFile.AccessKeyEntry;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * Long-term access keys of a user. stsgate generates the id and the secret; the secret is in the creation's answer
 * and nowhere else, ever: reads show the id and the status only. Deactivating or deleting a key takes effect as soon
 * as the answer is sent on this replica, and at the next change notification on the others.
 */
@Path("/admin/v1/accounts/{accountId}/users/{userName}/access-keys")
@Tag(name = "Access keys")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class AccessKeyResource {

    /** The access key as stored hangs under this user; responses show it, requests may send it back. */
    private static final Set<String> READ_ONLY = Set.of("user");

    private final AccessKeyIds ids = new AccessKeyIds();
    private final LongTermSecrets secrets = new LongTermSecrets();

    @Inject
    AdminDirectory directory;

    @Inject
    FileEntries entries;

    @GET
    @Operation(summary = "List the access keys of a user", description = "Ids and status only, never secrets. "
            + "Ordered by id, maxItems (1-1000, default 100) per page; pass nextToken to get the next.")
    @APIResponse(responseCode = "200", description = "A page of access keys: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account or user")
    public Response list(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @QueryParam("maxItems") String maxItems, @QueryParam("nextToken") String nextToken) {
        PageRequest page = PageRequest.of("access-key " + accountId + " " + userName, maxItems, nextToken);
        DirectoryView view = directory.read();
        view.user(accountId, userName);
        return EntryResponses.page(page.page(view.ofUser(EntryKind.ACCESS_KEY, accountId, userName)));
    }

    @GET
    @Path("{accessKeyId}")
    @Operation(summary = "Read an access key", description = "Id and status, never the secret.")
    @APIResponse(responseCode = "200", description = "The access key")
    @APIResponse(responseCode = "404", description = "No such account, user or access key of that user")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("accessKeyId") String accessKeyId) {
        return EntryResponses.ok(find(directory.read(), accountId, userName, accessKeyId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create an access key", description = "Generates an AKIA id and a secret access key. The "
            + "answer is the only place the secret is ever shown: keep it. Optional body: {\"status\": "
            + "\"Inactive\"}.")
    @APIResponse(responseCode = "201", description = "Created; the body carries secretAccessKey, this once")
    @APIResponse(responseCode = "400", description = "The body sets id or secret, or is invalid")
    @APIResponse(responseCode = "404", description = "No such account or user")
    public Response create(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @RequestBody(required = false, content = @Content(schema = @Schema(implementation = AccessKeyEntry.class))) String body,
            @Context UriInfo uri) {
        AccessKeyEntry requested = EntryBody.read(body, AccessKeyEntry.class, READ_ONLY);
        if (requested.id() != null) {
            throw AdminProblem.invalid("id", "id: access key ids are generated by stsgate");
        }
        refuseSecret(requested);
        String id = ids.newLongTerm(accountId);
        String secret = secrets.secretAccessKey();
        NewEntry entry = entries.accessKey(accountId, userName, new AccessKeyEntry(id, secret, status(requested)));
        StoredEntry created = directory.change(edit -> {
            edit.view().user(accountId, userName);
            return edit.transaction().insert(entry.id(), accountId, entry.body());
        });
        ObjectNode shownOnce = JsonNodeFactory.instance.objectNode().put("secretAccessKey", secret);
        return EntryResponses.created(AccountResource.location(uri, id), created, shownOnce);
    }

    @PUT
    @Path("{accessKeyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace an access key (its status)", description = "Body: {\"status\": \"Active\" or "
            + "\"Inactive\"}; an Inactive key is refused with InvalidClientTokenId. The secret cannot be set. If-Match "
            + "must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account, user or access key of that user")
    @APIResponse(responseCode = "412", description = "The access key changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("accessKeyId") String accessKeyId, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = false, content = @Content(schema = @Schema(implementation = AccessKeyEntry.class))) String body) {
        long version = EntityTags.expectedVersion(ifMatch);
        AccessKeyEntry requested = EntryBody.read(body, AccessKeyEntry.class, READ_ONLY);
        if (requested.id() != null) {
            EntryRules.sameAsUrl("id", requested.id(), accessKeyId);
        }
        refuseSecret(requested);
        StoredEntry replaced = directory.change(edit -> {
            StoredEntry current = find(edit.view(), accountId, userName, accessKeyId);
            ObjectNode replacement = entries.accessKey(accountId, userName,
                    new AccessKeyEntry(accessKeyId, null, status(requested))).body();
            // The sealed secret stays as it was: nothing in a request can read or replace it.
            replacement.set("secret", current.body().get("secret"));
            return edit.transaction().update(current.id(), version, replacement);
        });
        return EntryResponses.ok(replaced);
    }

    @DELETE
    @Path("{accessKeyId}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete an access key", description = "Calls signed with it are refused from now on. "
            + "If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account, user or access key of that user")
    @APIResponse(responseCode = "412", description = "The access key changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @PathParam("accessKeyId") String accessKeyId, @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        long version = EntityTags.expectedVersion(ifMatch);
        directory.change(edit -> {
            StoredEntry current = find(edit.view(), accountId, userName, accessKeyId);
            edit.transaction().delete(current.id(), version);
            return current;
        });
        return EntryResponses.deleted();
    }

    private static StoredEntry find(DirectoryView view, String accountId, String userName, String accessKeyId) {
        view.user(accountId, userName);
        return view.find(new EntryId(EntryKind.ACCESS_KEY, accessKeyId))
                .filter(key -> key.accountId().equals(accountId)
                        && userName.equals(key.body().path("user").asText()))
                .orElseThrow(() -> AdminProblem.notFound("access key " + accessKeyId + " of user " + userName));
    }

    /** Stored explicitly, so every read says whether the key works. */
    private static AccessKey.Status status(AccessKeyEntry requested) {
        return requested.status() == null ? AccessKey.Status.Active : requested.status();
    }

    private static void refuseSecret(AccessKeyEntry requested) {
        if (requested.secret() != null) {
            throw AdminProblem.invalid("secret", "secret: secrets are generated by stsgate and shown once, when the "
                    + "key is created; to replace a secret, create a new key and delete the old one");
        }
    }
}
