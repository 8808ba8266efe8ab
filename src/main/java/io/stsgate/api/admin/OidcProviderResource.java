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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stsgate.directory.DirectoryFile.OidcProviderEntry;
import io.stsgate.directory.IssuerUrls;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * OIDC identity providers of an account, addressed as IAM names them: the issuer without its scheme
 * ({@code oidc-provider/HOST[:PORT]/PATH}), slashes as they are or URL-encoded. The URL is the provider's identity
 * and does not change; everything else (client ids, algorithms, static JWKS, ...) is replaced with PUT.
 */
@Path("/admin/v1/accounts/{accountId}/oidc-providers")
@Tag(name = "OIDC providers")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class OidcProviderResource {

    private static final String HOST_AND_PATH = "the issuer without https://, such as "
            + "keycloak.example.com/realms/main (slashes may be URL-encoded)";

    static final EntryType<OidcProviderEntry> TYPE = EntryType.named(EntryKind.OIDC_PROVIDER, "oidc-provider",
            "OIDC provider", OidcProviderEntry.class, OidcProviderEntry::url, FileEntries::oidcProvider)
            .withNameField("url", false).withKeyField("url").keyedByStore().foundBy(OidcProviderResource::find);

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the OIDC providers of an account", description = "Ordered by ARN, maxItems (1-1000, "
            + "default 100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of providers: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, accountId, maxItems, nextToken);
    }

    @GET
    @Path("{hostAndPath: .+}")
    @Operation(summary = "Read an OIDC provider", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The provider")
    @APIResponse(responseCode = "404", description = "No such account or provider")
    public Response get(@PathParam("accountId") String accountId,
            @Parameter(description = HOST_AND_PATH) @PathParam("hostAndPath") String hostAndPath) {
        return endpoint.get(TYPE, accountId, hostAndPath);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Register an OIDC provider", description = "Body: an OIDC provider of the directory file "
            + "(url, clientIds, allowedAlgorithms, clockSkew, maxTokenAge, jwks, allowInsecureHttp, tagClaims).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (an http issuer, no client ids, ...); the "
            + "message names the field")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "The provider exists in the account")
    public Response create(@PathParam("accountId") String accountId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OidcProviderEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, accountId, body, uri, IssuerUrls::hostAndPathOrRaw);
    }

    @PUT
    @Path("{hostAndPath: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace an OIDC provider", description = "The whole provider, its url unchanged; If-Match "
            + "must carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account or provider")
    @APIResponse(responseCode = "412", description = "The provider changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId,
            @Parameter(description = HOST_AND_PATH) @PathParam("hostAndPath") String hostAndPath,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OidcProviderEntry.class))) String body) {
        return endpoint.replace(TYPE, accountId, hostAndPath, ifMatch, body);
    }

    @DELETE
    @Path("{hostAndPath: .+}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete an OIDC provider", description = "Its tokens are refused from now on. If-Match "
            + "must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account or provider")
    @APIResponse(responseCode = "412", description = "The provider changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId,
            @Parameter(description = HOST_AND_PATH) @PathParam("hostAndPath") String hostAndPath,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, accountId, hostAndPath, ifMatch);
    }

    private static StoredEntry find(DirectoryView view, String accountId, String hostAndPath) {
        view.account(accountId);
        String arn = "arn:aws:iam::" + accountId + ":oidc-provider/" + hostAndPath;
        return view.find(new EntryId(EntryKind.OIDC_PROVIDER, arn))
                .orElseThrow(() -> AdminProblem.notFound("OIDC provider " + arn));
    }
}
