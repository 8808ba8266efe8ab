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

import io.stsgate.directory.DirectoryFile.BucketEntry;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;

/**
 * S3 buckets behind the nginx face, addressed by name: the owning account and the bucket policy the S3 mapping passes
 * along with every question about the bucket. A bucket not declared belongs to the caller's account, without policy.
 */
@Path("/admin/v1/buckets")
@Tag(name = "Buckets")
@SecurityRequirement(name = AdminSecurity.SCHEME)
@RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
@Produces(MediaType.APPLICATION_JSON)
public class BucketResource {

    static final EntryType<BucketEntry> TYPE = new EntryType<BucketEntry>(EntryKind.BUCKET, "bucket",
            BucketEntry.class, Set.of(), "name", BucketEntry::name, bucket -> bucket,
            (entries, none, bucket) -> entries.bucket(bucket),
            (view, none, name) -> view.find(new EntryId(EntryKind.BUCKET, name))
                    .orElseThrow(() -> AdminProblem.notFound("bucket " + name)),
            false, null, true, (view, current) -> {
            });

    @Inject
    EntryEndpoint endpoint;

    @GET
    @Operation(summary = "List the buckets", description = "Ordered by name, maxItems (1-1000, default 100) per "
            + "page; pass nextToken from one page to get the next.")
    @APIResponse(responseCode = "200", description = "A page of buckets: items and, when more follow, nextToken")
    @APIResponse(responseCode = "400", description = "Invalid maxItems or nextToken")
    public Response list(@QueryParam("maxItems") String maxItems, @QueryParam("nextToken") String nextToken) {
        return endpoint.list(TYPE, null, maxItems, nextToken);
    }

    @GET
    @Path("{bucketName}")
    @Operation(summary = "Read a bucket", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The bucket")
    @APIResponse(responseCode = "404", description = "No such bucket")
    public Response get(@PathParam("bucketName") String name) {
        return endpoint.get(TYPE, null, name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Create a bucket", description = "Body: a bucket of the directory file (name, account: the owning account of this directory, policy: the bucket policy as JSON text or object).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @APIResponse(responseCode = "400", description = "Invalid body (a bucket policy that does not parse, an owner that is not an account, ...); the message names the field")
    @APIResponse(responseCode = "409", description = "The bucket exists")
    public Response create(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BucketEntry.class))) String body,
            @Context UriInfo uri) {
        return endpoint.create(TYPE, null, body, uri);
    }

    @PUT
    @Path("{bucketName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Replace a bucket", description = "The whole entry, its name unchanged; If-Match must "
            + "carry the ETag read last.")
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match")
    @APIResponse(responseCode = "404", description = "No such bucket")
    @APIResponse(responseCode = "412", description = "The bucket changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response replace(@PathParam("bucketName") String name, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BucketEntry.class))) String body) {
        return endpoint.replace(TYPE, null, name, ifMatch, body);
    }

    @DELETE
    @Path("{bucketName}")
    @RolesAllowed(AdminSecurity.ADMIN)
    @Operation(summary = "Delete a bucket", description = "Its owner and policy are forgotten: the bucket counts as the caller's own, without policy. If-Match must carry the ETag read last.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such bucket")
    @APIResponse(responseCode = "412", description = "The bucket changed since it was read")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response delete(@PathParam("bucketName") String name, @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        return endpoint.delete(TYPE, null, name, ifMatch);
    }
}
