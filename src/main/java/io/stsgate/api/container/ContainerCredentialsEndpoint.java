package io.stsgate.api.container;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.AuditSink;
import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.IssuedSession;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.engine.Throttle;
import io.stsgate.engine.ThrottleGroup;
import io.stsgate.engine.ThrottleVerdict;
import io.stsgate.federation.WorkloadIdentities;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /v1/container-credentials}: the endpoint of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. The
 * {@code Authorization} header holds the workload's OIDC token (a Kubernetes projected service-account token, or any
 * registered provider's), verified, mapped and trusted exactly as AssumeRoleWithWebIdentity's, in the same throttling
 * group (per source address) and with the same audit event. Everything it needs is in memory, so it answers on the
 * event loop; the only I/O, fetching an issuer's keys, is asynchronous.
 */
@Path("/v1/container-credentials")
@Tag(name = "Container credentials")
public class ContainerCredentialsEndpoint {

    static final String ACTION = "GetContainerCredentials";
    /** As AssumeRoleWithWebIdentity's WebIdentityToken. */
    static final int MAX_TOKEN_CHARS = 20000;
    private static final Logger LOG = Logger.getLogger(ContainerCredentialsEndpoint.class);

    @Inject
    WorkloadIdentities workloads;
    @Inject
    Throttle throttle;
    @Inject
    AuditSink audit;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Credentials for a workload, the role chosen by its workload association", description = ""
            + "The Authorization header holds the workload's OIDC token, as AWS SDKs send "
            + "AWS_CONTAINER_AUTHORIZATION_TOKEN or the file of AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE. The workload "
            + "association of the token's provider and subject names the role; its trust policy decides as for "
            + "AssumeRoleWithWebIdentity.")
    @APIResponse(responseCode = "200", description = "The credentials", content = @Content(schema = @Schema(implementation = ContainerCredentials.class)))
    @APIResponse(responseCode = "400", description = "A malformed request", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    @APIResponse(responseCode = "401", description = "No token, or a token that fails verification (expired, "
            + "another audience, unknown issuer, bad signature)", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    @APIResponse(responseCode = "403", description = "No association for the subject, or the trust policy refuses", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    @APIResponse(responseCode = "429", description = "Over the web-identity throttling limit of the source address", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    @APIResponse(responseCode = "503", description = "The issuer's keys cannot be fetched; SDKs retry", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    public Uni<Response> associated(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return credentials(Optional.empty(), headers, request);
    }

    @GET
    @NonBlocking
    @Path("{roleArn: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Credentials for a workload, for the role the path names", description = "For setups "
            + "without workload associations. An association wins: when one exists for the token's provider and "
            + "subject, the path must name its role (or be refused with 403).")
    @APIResponse(responseCode = "200", description = "The credentials", content = @Content(schema = @Schema(implementation = ContainerCredentials.class)))
    @APIResponse(responseCode = "400", description = "The path names no role ARN", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    @APIResponse(responseCode = "401", description = "No token, or a token that fails verification", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    @APIResponse(responseCode = "403", description = "The trust policy refuses, the role does not exist, or the "
            + "association names another role", content = @Content(schema = @Schema(implementation = ContainerProblem.class)))
    public Uni<Response> named(
            @Parameter(description = "arn:aws:iam::ACCOUNT:role/NAME") @PathParam("roleArn") String roleArn,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return credentials(Optional.of(roleArn), headers, request);
    }

    private Uni<Response> credentials(Optional<String> roleArn, HttpHeaders headers, HttpServerRequest request) {
        String requestId = UUID.randomUUID().toString();
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        var draft = new AuditDraft(requestId, remote, userAgent).action(ACTION);
        Timer.Sample timer = Timer.start(metrics);
        try {
            // Before the token is even parsed: a flood costs one bucket lookup per request.
            if (throttle.admit(ThrottleGroup.WEB_IDENTITY, remote) instanceof ThrottleVerdict.Throttled throttled) {
                StsException e = throttled.error();
                if (throttled.audited()) {
                    audit.record(draft.failure(clock.instant(), e.reason(), e.code().wireCode(), e.detail()));
                }
                return Uni.createFrom().item(refusal(timer, draft, e));
            }
            String token = token(headers);
            var info = new RequestInfo(requestId, remote, userAgent, request.isSSL(), null);
            return workloads.assumeRole(token, roleArn, info, draft)
                    .map(issued -> succeeded(timer, draft, issued))
                    .onFailure().recoverWithItem(e -> failed(timer, draft, e));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(failed(timer, draft, e));
        }
    }

    /** The token as SDKs send it: the whole header value (a {@code Bearer } prefix is tolerated). */
    private static String token(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw new StsException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, ReasonCode.WORKLOAD_TOKEN_MISSING,
                    "The request has no Authorization header: give the workload AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE "
                            + "(or AWS_CONTAINER_AUTHORIZATION_TOKEN) with its OIDC token");
        }
        if (values.size() > 1) {
            throw new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.WORKLOAD_TOKEN_MISSING,
                    "The request has more than one Authorization header");
        }
        String token = values.get(0).strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.TOKEN_TOO_LARGE,
                    "The Authorization header must hold at most " + MAX_TOKEN_CHARS + " characters");
        }
        return token;
    }

    private Response succeeded(Timer.Sample timer, AuditDraft draft, IssuedSession issued) {
        audit.record(draft.success(clock.instant(), ReasonCode.ISSUED));
        var credentials = issued.credentials();
        var body = new ContainerCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration().truncatedTo(ChronoUnit.SECONDS).toString(),
                issued.session().sourceArn(), issued.session().accountId());
        return finish(timer, "success", Response.ok(body, MediaType.APPLICATION_JSON), draft);
    }

    /** The one place a failure becomes the JSON error, an audit event and a metric. */
    private Response failed(Timer.Sample timer, AuditDraft draft, Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof StsException e) {
            LOG.debugf("container credentials request %s refused: %s %s", draft.requestId(), e.code().wireCode(),
                    e.reason());
            audit.record(draft.failure(clock.instant(), e.reason(), e.code().wireCode(), e.detail()));
            return refusal(timer, draft, e);
        }
        LOG.errorf(failure, "container credentials request %s failed inside stsgate", draft.requestId());
        audit.record(draft.failure(clock.instant(), ReasonCode.INTERNAL_ERROR, ErrorCode.INTERNAL_FAILURE.wireCode(),
                failure.getClass().getName()));
        return problem(timer, draft, ContainerError.INTERNAL, "An internal error occurred. Request id "
                + draft.requestId() + ".", ErrorCode.INTERNAL_FAILURE.wireCode());
    }

    private Response refusal(Timer.Sample timer, AuditDraft draft, StsException e) {
        return problem(timer, draft, ContainerError.of(e.code()), e.getMessage(), e.code().wireCode());
    }

    /** {@code outcome} is the engine's AWS code, as in every other action's request metric. */
    private Response problem(Timer.Sample timer, AuditDraft draft, ContainerError error, String message,
            String outcome) {
        var response = Response.status(error.status()).entity(new ContainerProblem(error.code(), message))
                .type(MediaType.APPLICATION_JSON);
        if (error == ContainerError.THROTTLING) {
            response.header("Retry-After", "1");
        }
        return finish(timer, outcome, response, draft);
    }

    private Response finish(Timer.Sample timer, String outcome, Response.ResponseBuilder response, AuditDraft draft) {
        timer.stop(metrics.timer("stsgate.requests", "action", ACTION, "outcome", outcome));
        return response.header("Cache-Control", "no-store").header("x-amzn-RequestId", draft.requestId()).build();
    }
}
