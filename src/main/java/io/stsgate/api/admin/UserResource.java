package io.stsgate.api.admin;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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

import io.stsgate.directory.DirectoryFile.UserEntry;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/** IAM users of an account, addressed by name; their keys and MFA devices have URLs below the user's. */
@Path("/admin/v1/accounts/{accountId}/users")
@Tag(name = "Users")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /** The unique id ({@code AIDA…}/{@code AROA…}) is assigned when the entry is created and never changes. */
    private static final Set<String> ASSIGNED = Set.of("userId");

    static final EntryType<UserEntry> TYPE = EntryType.named(EntryKind.USER, "user", "user", UserEntry.class,
            UserEntry::name, FileEntries::user).withAssigned(ASSIGNED).withKeyField("path")
            .accepting(UserResource::withoutCredentials).withDependents(UserResource::credentialsOf);

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the users of an account", description = "Ordered by ARN, maxItems (1-1000, default "
            + "100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of users: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, accountId, maxItems, nextToken);
    }

    @GET
    @Path("{userName}")
    @Operation(summary = "Read a user", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such account or user")
    public Response get(@PathParam("accountId") String accountId, @PathParam("userName") String userName) {
        return endpoint.get(TYPE, accountId, userName);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a user", description = "Body: a user of the directory file (name, path, tags, "
            + "policies) without accessKeys and mfaDevices, which are created under the user's URL. stsgate assigns a random "
            + "userId (AIDA...); a user deleted and created again gets a new one, so the old user's sessions stay "
            + "refused.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body; error.field names the field")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "A user of that name exists in the account")
    public Response create(@PathParam("accountId") String accountId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, accountId, body, uri);
    }

    @PUT
    @Path("{userName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace a user", description = "The whole user (name and path unchanged; userId is kept "
            + "and ignored in the body); If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account or user")
    @APIResponse(responseCode = "412", description = "The user changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserEntry.class))) String body) {
        return endpoint.replace(TYPE, accountId, userName, ifMatch, body);
    }

    @DELETE
    @Path("{userName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete a user without access keys and MFA devices", description = "If-Match must carry "
            + "the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account or user")
    @APIResponse(responseCode = "409", description = "The user still has access keys or MFA devices (DeleteConflict)")
    @APIResponse(responseCode = "412", description = "The user changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("userName") String userName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, accountId, userName, ifMatch);
    }

    /** A user with access keys or MFA devices is not deleted: they would outlive it in the store. */
    private static void credentialsOf(DirectoryView view, StoredEntry user) {
        String userName = user.body().path("name").asText();
        List<StoredEntry> credentials = Stream.concat(view.ofUser(EntryKind.ACCESS_KEY, user.accountId(), userName)
                .stream(), view.ofUser(EntryKind.MFA_DEVICE, user.accountId(), userName).stream()).toList();
        EntryRules.noDependents(credentials, "user " + userName);
    }

    /** Keys and devices are created by stsgate under their own URLs, so their secrets are shown once, there. */
    private static UserEntry withoutCredentials(UserEntry user) {
        if (user.accessKeys() != null) {
            throw AdminProblem.invalid("accessKeys", "accessKeys: create keys with POST .../users/{userName}/"
                    + "access-keys");
        }
        if (user.mfaDevices() != null) {
            throw AdminProblem.invalid("mfaDevices", "mfaDevices: create devices with POST .../users/{userName}/"
                    + "mfa-devices");
        }
        return user;
    }
}
