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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stsgate.directory.DirectoryFile.AccountEntry;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/** Accounts: the 12-digit tenants everything else belongs to. */
@Path("/admin/v1/accounts")
@Tag(name = "Accounts")
@SecurityScheme(securitySchemeName = AdminSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT", description = "An access token of the OIDC provider with realm role stsgate-admin "
        + "(read and write) or stsgate-auditor (read only), issued for audience stsgate-admin-api.")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    static final EntryType<AccountEntry> TYPE = new EntryType<AccountEntry>(EntryKind.ACCOUNT, "account",
            AccountEntry.class, Set.of(), "id", AccountEntry::id, AccountResource::withoutChildren,
            (entries, none, account) -> entries.account(account), (view, none, accountId) -> view.account(accountId),
            false, null, true, AccountResource::withoutEntries);

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List accounts", description = "Ordered by account id, maxItems (1-1000, default 100) "
            + "per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of accounts: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    public Response list(@QueryParam("maxItems") String maxItems, @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, null, maxItems, nextToken);
    }

    @GET
    @Path("{accountId}")
    @Operation(summary = "Read an account", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response get(@PathParam("accountId") String accountId) {
        return endpoint.get(TYPE, null, accountId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create an account", description = "Body: {\"id\": \"123456789012\", \"name\": ...}. Users, "
            + "roles, policies and providers are created under the account's own URLs.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body; error.field names the field")
    @APIResponse(responseCode = "409", description = "The account exists")
    public Response create(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AccountEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, null, body, uri);
    }

    @PUT
    @Path("{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace an account", description = "If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "412", description = "The account changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AccountEntry.class))) String body) {
        return endpoint.replace(TYPE, null, accountId, ifMatch, body);
    }

    @DELETE
    @Path("{accountId}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete an empty account", description = "If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "The account still holds entries or owns a bucket (DeleteConflict)")
    @APIResponse(responseCode = "412", description = "The account changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, null, accountId, ifMatch);
    }

    /** An account is deleted empty, owning no bucket: its entries would have no account to belong to. */
    private static void withoutEntries(DirectoryView view, StoredEntry account) {
        EntryRules.noDependents(view.entries().stream()
                .filter(e -> e.kind() != EntryKind.ACCOUNT && e.accountId().equals(account.key())
                        || e.kind() == EntryKind.BUCKET && account.key().equals(e.body().path("account").asText()))
                .toList(), "account " + account.key());
    }

    /** The account entry alone: its children have URLs of their own. */
    private static AccountEntry withoutChildren(AccountEntry account) {
        var children = new java.util.LinkedHashMap<String, Object>();
        children.put("users", account.users());
        children.put("roles", account.roles());
        children.put("managedPolicies", account.managedPolicies());
        children.put("oidcProviders", account.oidcProviders());
        children.put("samlProviders", account.samlProviders());
        children.put("workloadAssociations", account.workloadAssociations());
        children.forEach((field, value) -> {
            if (value != null) {
                throw AdminProblem.invalid(field, field + ": manage them under /admin/v1/accounts/{accountId}/"
                        + "..., or apply a whole directory file at /admin/v1/directory");
            }
        });
        return account;
    }
}
