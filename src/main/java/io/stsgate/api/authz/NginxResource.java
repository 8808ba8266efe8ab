package io.stsgate.api.authz;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code GET /authz/v1/nginx/s3} and {@code GET /authz/v1/nginx/apis/{name}}: the target of nginx's
 * {@code auth_request} (see {@code deploy/nginx/}). nginx authenticates with the key in {@code X-Stsgate-Key}, whose
 * SHA-256 is {@code stsgate.authz.nginx-key-sha256}: a static secret fits nginx's static configuration, where a bearer
 * token that expires would not. Without the key: 401 and nothing about the request.
 */
@Path("/authz/v1/nginx")
@Tag(name = "Decisions")
@SecurityScheme(securitySchemeName = NginxResource.SCHEME, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = NginxFace.KEY_HEADER, description = "The key nginx presents;"
        + " stsgate keeps its SHA-256 in stsgate.authz.nginx-key-sha256")
@SecurityRequirement(name = NginxResource.SCHEME)
@PermitAll
public class NginxResource {

    /** The OpenAPI security scheme of the nginx face. */
    static final String SCHEME = "nginxKey";

    private static final Logger LOG = Logger.getLogger(NginxResource.class);
    private static final String DESCRIPTION = " nginx passes the original request in X-Original-Method,"
            + " X-Original-URI, X-Original-Host, X-Original-Authorization (and X-Original-Content-Length,"
            + " X-Original-Remote-Addr, X-Original-Scheme) plus the client's own headers, and its key in X-Stsgate-Key."
            + " 200: allowed, with X-Stsgate-Principal-Arn, X-Stsgate-Account, X-Stsgate-User-Id,"
            + " X-Stsgate-Principal-Type, X-Stsgate-Session-Tags, X-Stsgate-Source-Identity, X-Stsgate-Operation."
            + " 403: refused, with X-Stsgate-Error-Code, X-Stsgate-Error-Message (XML-escaped),"
            + " X-Stsgate-Error-Status (the status AWS answers with) and, for nginx's log only, X-Stsgate-Deny-Reason."
            + " 401: the key is missing or wrong.";

    @Inject
    NginxFace face;

    @GET
    @Path("s3")
    @NonBlocking
    @Operation(summary = "nginx auth_request: may the client do this S3 REST request?", description = "The built-in"
            + " S3 mapping (path-style, and virtual-hosted for the mapping file's domains) names action, resource and"
            + " condition keys; the mapping file's buckets add their owner and bucket policy." + DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Allowed")
    @APIResponse(responseCode = "401", description = "nginx's key is missing or wrong")
    @APIResponse(responseCode = "403", description = "Refused; the AWS error is in the X-Stsgate-Error-* headers")
    public Response s3(@Context HttpHeaders headers) {
        return answer(null, headers);
    }

    @GET
    @Path("apis/{name}")
    @NonBlocking
    @Operation(summary = "nginx auth_request: may the client do this request of a declared HTTP API?", description = "The API's routes in the mapping file name action and resource."
            + DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Allowed")
    @APIResponse(responseCode = "401", description = "nginx's key is missing or wrong")
    @APIResponse(responseCode = "403", description = "Refused; the AWS error is in the X-Stsgate-Error-* headers")
    public Response api(@Parameter(description = "the API's name in the mapping file") @PathParam("name") String name,
            @Context HttpHeaders headers) {
        return answer(name, headers);
    }

    private Response answer(String api, HttpHeaders headers) {
        if (!face.trusted(headers.getHeaderString(NginxFace.KEY_HEADER))) {
            return Response.status(401).header("WWW-Authenticate", "StsgateKey").build();
        }
        String requestId = DecisionService.newRequestId();
        NginxFace.Answer answer = face.decide(api, headers.getRequestHeaders(), requestId);
        if (answer.status() != 200) {
            LOG.debugf("nginx decision %s: %s %s", requestId, answer.headers().get("X-Stsgate-Error-Code"),
                    answer.headers().getOrDefault("X-Stsgate-Deny-Reason", ""));
        }
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
