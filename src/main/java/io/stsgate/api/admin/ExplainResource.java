package io.stsgate.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.stsgate.engine.CheckResult;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.TrustExplanation;
import io.stsgate.federation.FederationExplanation;
import io.stsgate.federation.SamlFederation;
import io.stsgate.federation.WebIdentityFederation;

/**
 * Explains what AssumeRoleWithWebIdentity or AssumeRoleWithSAML would answer, check by check, through the very
 * pipelines of the real requests ({@link WebIdentityFederation}, {@link SamlFederation}); it issues nothing, does not
 * consume the SAML assertion's one use and writes no issuance audit event. The token or assertion is never echoed
 * back.
 */
@Path("/admin/v1/explain")
@Tag(name = "Explain")
@SecurityRequirement(name = AdminSecurity.SCHEME)
public class ExplainResource {

    static final String DEFAULT_SESSION_NAME = "explain";

    static final int MIN_DURATION = 900;
    static final int MAX_DURATION = 43200;

    @Inject
    WebIdentityFederation webIdentity;
    @Inject
    SamlFederation saml;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
    @Operation(summary = "Explain a verdict without issuing credentials", description = "Body: roleArn and "
            + "webIdentityToken (optional tokenProviderId), or samlAssertion and principalArn; optional "
            + "roleSessionName and durationSeconds. Answers each check passed, failed or skipped, the AWS error "
            + "code and audit reason code of the first failure, the trust-policy statement and condition that "
            + "decided, and what to change. "
            + "Nothing is issued and a SAML assertion is not spent.")
    @APIResponse(responseCode = "200", description = "The verdict, allowed or not, with its checks")
    @APIResponse(responseCode = "400", description = "The body lacks roleArn or a token/assertion")
    public Uni<Explanation> explain(ExplainRequest request) {
        validate(request);
        if (request.webIdentityToken() != null) {
            String sessionName = request.roleSessionName() == null ? DEFAULT_SESSION_NAME : request.roleSessionName();
            return webIdentity.explain(request.webIdentityToken(), request.tokenProviderId(),
                    command(request, sessionName), info()).map(explanation -> assemble(explanation, request.roleArn()));
        }
        return Uni.createFrom().item(() -> assemble(saml.explain(request.samlAssertion(), request.principalArn(),
                command(request, null), info()), request.roleArn()));
    }

    private static void validate(ExplainRequest request) {
        if (request == null) {
            throw AdminProblem.invalid(null, "a JSON body {roleArn, webIdentityToken | samlAssertion, principalArn?} "
                    + "is required");
        }
        if (request.roleArn() == null || request.roleArn().isBlank()) {
            throw AdminProblem.invalid("roleArn", "roleArn is required");
        }
        if ((request.webIdentityToken() == null) == (request.samlAssertion() == null)) {
            throw AdminProblem.invalid("webIdentityToken", "exactly one of webIdentityToken and samlAssertion is "
                    + "required");
        }
        if (request.samlAssertion() != null && (request.principalArn() == null || request.principalArn().isBlank())) {
            throw AdminProblem.invalid("principalArn", "principalArn (the SAML provider ARN) is required with "
                    + "samlAssertion");
        }
        if (request.durationSeconds() != null
                && (request.durationSeconds() < MIN_DURATION || request.durationSeconds() > MAX_DURATION)) {
            throw AdminProblem.invalid("durationSeconds", "durationSeconds must be between " + MIN_DURATION + " and "
                    + MAX_DURATION + ", as the real request's DurationSeconds");
        }
    }

    private static FederatedAssumeCommand command(ExplainRequest request, String sessionName) {
        return new FederatedAssumeCommand(request.roleArn(), sessionName, request.durationSeconds(), null, List.of());
    }

    private static RequestInfo info() {
        return new RequestInfo("explain-" + UUID.randomUUID(), null, null, true, null);
    }

    private static Explanation assemble(FederationExplanation explanation, String roleArn) {
        var checks = explanation.checks();
        var refusal = explanation.refusal();
        var advice = new ArrayList<>(explanation.advice());
        advice.addAll(ExplainAdvice.of(checks, explanation.trust(), explanation.providerArn(), roleArn));
        var statements = new ArrayList<Explanation.TrustStatement>();
        Explanation.StatementPointer deciding = null;
        var trust = explanation.trust();
        for (TrustExplanation.ActionTrust action : trust) {
            for (var s : action.statements()) {
                var failed = s.failedCondition() == null ? null
                        : new Explanation.FailedCondition(s.failedCondition().key(),
                                s.failedCondition().operatorText(), s.failedCondition().values());
                statements.add(new Explanation.TrustStatement(action.action(), s.statement().statement(),
                        s.index(), s.effect().name(), s.applicability().name().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'),
                        s.reason(), failed, s.nullVariables()));
            }
            if (action == trust.get(0) && !action.decision().deciding().isEmpty()) {
                String label = action.decision().deciding().get(0).statement();
                int index = action.statements().stream().filter(s -> s.statement().statement().equals(label))
                        .mapToInt(s -> s.index()).findFirst().orElse(-1);
                deciding = new Explanation.StatementPointer(action.action(), label, index);
            }
        }
        var checkViews = checks.stream().map(c -> new Explanation.Check(c.name(),
                c.status().name().toLowerCase(java.util.Locale.ROOT), c.message())).toList();
        return new Explanation(refusal.isEmpty() ? "allow" : "deny", refusal.map(CheckResult::errorCode).orElse(null),
                refusal.map(c -> c.reason().name()).orElse(null), checkViews, statements, deciding, advice);
    }
}
