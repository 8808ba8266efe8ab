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

import io.stsgate.directory.DirectoryFile.ApiEntry;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;

/**
 * HTTP APIs the nginx face protects ({@code /authz/v1/nginx/apis/<name>}), addressed by name: routes of method and
 * path template to IAM action and resource ARN template. A change applies to every replica without a restart.
 */
@Path("/admin/v1/apis")
@Tag(name = "HTTP APIs")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class HttpApiResource {

    static final EntryType<ApiEntry> TYPE = new EntryType<ApiEntry>(EntryKind.API, "api", ApiEntry.class, Set.of(),
            "name", ApiEntry::name, api -> api, (entries, none, api) -> entries.httpApi(api),
            (view, none, name) -> view.find(new EntryId(EntryKind.API, name))
                    .orElseThrow(() -> AdminProblem.notFound("API " + name)),
            false, null, true, (view, current) -> {
            });

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the HTTP APIs", description = "Ordered by name, maxItems (1-1000, default 100) per "
            + "page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of HTTP APIs: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    public Response list(@QueryParam("maxItems") String maxItems, @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, null, maxItems, nextToken);
    }

    @GET
    @Path("{apiName}")
    @Operation(summary = "Read an HTTP API", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The API")
    @APIResponse(responseCode = "404", description = "No such API")
    public Response get(@PathParam("apiName") String name) {
        return endpoint.get(TYPE, null, name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create an HTTP API", description = "Body: an API of the directory file (name, service: the SigV4 service name its clients sign for, routes: method, path template such as /orders/{orderId} or /files/{path+}, action, resource ARN template).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (a route template, an action, a resource variable the path lacks, ...); the message names the field")
    @APIResponse(responseCode = "409", description = "The API exists")
    public Response create(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, null, body, uri);
    }

    @PUT
    @Path("{apiName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace an HTTP API", description = "The whole entry, its name unchanged; If-Match must "
            + "carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such API")
    @APIResponse(responseCode = "412", description = "The API changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("apiName") String name, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiEntry.class))) String body) {
        return endpoint.replace(TYPE, null, name, ifMatch, body);
    }

    @DELETE
    @Path("{apiName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete an HTTP API", description = "Requests for it are denied from now on. If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such API")
    @APIResponse(responseCode = "412", description = "The API changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("apiName") String name, @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, null, name, ifMatch);
    }
}
