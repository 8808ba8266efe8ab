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

import io.stsgate.directory.DirectoryFile.SamlProviderEntry;
import io.stsgate.directory.store.EntryKind;

/**
 * SAML identity providers of an account, addressed by name ({@code arn:aws:iam::ACCOUNT:saml-provider/NAME}): the
 * IdP's entity id and signing certificates. Replace the certificates list to rotate them.
 */
@Path("/admin/v1/accounts/{accountId}/saml-providers")
@Tag(name = "SAML providers")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class SamlProviderResource {

    static final EntryType<SamlProviderEntry> TYPE = EntryType.named(EntryKind.SAML_PROVIDER, "SAML provider",
            "SAML provider", SamlProviderEntry.class, SamlProviderEntry::name, FileEntries::samlProvider);

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the SAML providers of an account", description = "Ordered by ARN, maxItems (1-1000, default "
            + "100) per page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of SAML providers: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    @APIResponse(responseCode = "404", description = "No such account")
    public Response list(@PathParam("accountId") String accountId, @QueryParam("maxItems") String maxItems,
            @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, accountId, maxItems, nextToken);
    }

    @GET
    @Path("{providerName}")
    @Operation(summary = "Read a SAML provider", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The SAML provider")
    @APIResponse(responseCode = "404", description = "No such account or SAML provider")
    public Response get(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName) {
        return endpoint.get(TYPE, accountId, providerName);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a SAML provider", description = "Body: a SAML provider of the directory file (name, "
            + "entityId, signingCertificates as PEM, ssoUrl).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (a certificate that is not PEM, ...); the "
            + "message names the field")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "A SAML provider of that name exists in the account")
    public Response create(@PathParam("accountId") String accountId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SamlProviderEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, accountId, body, uri);
    }

    @PUT
    @Path("{providerName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace a SAML provider", description = "The whole provider (name unchanged); If-Match must carry "
            + "the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such account or SAML provider")
    @APIResponse(responseCode = "412", description = "The provider changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SamlProviderEntry.class))) String body) {
        return endpoint.replace(TYPE, accountId, providerName, ifMatch, body);
    }

    @DELETE
    @Path("{providerName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete a SAML provider", description = "If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account or SAML provider")
    @APIResponse(responseCode = "412", description = "The provider changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName,
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, accountId, providerName, ifMatch);
    }
}
