package io.stsgate.api.authz;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.NonBlocking;
import io.stsgate.engine.StsException;

/**
 * {@code POST /authz/v1/decisions}: a service sends the SigV4-signed request it received and what the caller wants to
 * do; stsgate answers who signed it and, per action/resource pair, allow or deny. Everything it needs is in memory, so
 * it answers on the event loop.
 */
@Path("/authz/v1/decisions")
@Tag(name = "Decisions")
@SecurityRequirement(name = DeciderSecurity.SCHEME)
public class DecisionResource {

    private static final Logger LOG = Logger.getLogger(DecisionResource.class);

    @Inject
    DecisionService decisions;

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(DeciderSecurity.DECIDER)
    @Operation(summary = "Verify a SigV4-signed request and decide what its caller may do", description = "Body: the"
            + " request as received (method, raw path, raw query, headers, body base64 or bodySha256), the service"
            + " name and region it must be signed for, and one or more questions (action, resource, optional"
            + " resourceAccount, resourcePolicies, context keys). 200 answers both when the caller is authenticated"
            + " (principal, one decision per question, cacheSeconds) and when it is not (authenticated false and the"
            + " AWS error to relay, e.g. SignatureDoesNotMatch, ExpiredToken, InvalidClientTokenId). Requires a bearer"
            + " token with realm role stsgate-decider.")
    @APIResponse(responseCode = "200", description = "A decision, or the AWS error of a request that authenticates"
            + " nobody", content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @APIResponse(responseCode = "400", description = "The decision request itself is malformed", content = @Content(schema = @Schema(implementation = DecisionProblem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks realm role stsgate-decider")
    public Response decide(DecisionRequest request) {
        String requestId = DecisionService.newRequestId();
        try {
            return Response.ok(decisions.decide(request, requestId)).build();
        } catch (StsException e) {
            LOG.debugf("decision request %s refused: %s %s", requestId, e.code().wireCode(), e.reason());
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(new DecisionProblem(e.code().wireCode(), e.getMessage(), requestId)).build();
        }
    }
}
