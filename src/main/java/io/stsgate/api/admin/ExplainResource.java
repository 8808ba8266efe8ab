package io.stsgate.api.admin;

import java.time.Clock;
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
import io.stsgate.directory.Directory;
import io.stsgate.directory.OidcProvider;
import io.stsgate.engine.CheckResult;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.engine.TrustExplanation;
import io.stsgate.federation.SamlPrincipals;
import io.stsgate.federation.WebIdentityPrincipals;
import io.stsgate.identity.oidc.OidcIssuers;
import io.stsgate.identity.oidc.TokenVerification;
import io.stsgate.identity.oidc.TrustedIssuers;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.SamlProviderSettings;
import io.stsgate.identity.saml.SamlValidation;

/**
 * Explains what AssumeRoleWithWebIdentity or AssumeRoleWithSAML would answer, check by check, through the same
 * verifiers and trust evaluation as the real requests; it issues nothing, does not consume the SAML assertion's
 * one use and writes no issuance audit event. The token or assertion is never echoed back.
 */
@Path("/admin/v1/explain")
@Tag(name = "Explain")
@SecurityRequirement(name = AdminSecurity.SCHEME)
public class ExplainResource {

    static final String DEFAULT_SESSION_NAME = "explain";

    @Inject
    FederatedAssumption federation;
    @Inject
    TrustedIssuers issuers;
    @Inject
    SamlAssertionValidator samlValidator;
    @Inject
    Directory directory;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ AdminSecurity.ADMIN, AdminSecurity.AUDITOR })
    @Operation(summary = "Explain a verdict without issuing credentials", description = "Body: roleArn and "
            + "webIdentityToken (optional tokenProviderId), or samlAssertion and principalArn; optional "
            + "roleSessionName. Answers each check "
            + "passed or failed, the trust-policy statement and condition that decided, and what to change. "
            + "Nothing is issued and a SAML assertion is not spent.")
    @APIResponse(responseCode = "200", description = "The verdict, allowed or not, with its checks")
    @APIResponse(responseCode = "400", description = "The body lacks roleArn or a token/assertion")
    public Uni<Explanation> explain(ExplainRequest request) {
        validate(request);
        if (request.webIdentityToken() != null) {
            return webIdentity(request);
        }
        return Uni.createFrom().item(() -> saml(request));
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
    }

    private Uni<Explanation> webIdentity(ExplainRequest request) {
        String sessionName = request.roleSessionName() == null ? DEFAULT_SESSION_NAME : request.roleSessionName();
        if (request.tokenProviderId() != null) {
            var checks = IdentityChecks.failedAt(IdentityChecks.OIDC, IdentityChecks.PARSED, "ProviderId is only for "
                    + "OAuth 2.0 access tokens, which stsgate does not accept; omit it for OpenID Connect ID tokens",
                    "InvalidParameterValue");
            return Uni.createFrom().item(assemble(checks, null, null, request.roleArn(), List.of()));
        }
        return issuers.current().verify(request.webIdentityToken()).map(verification -> {
            if (verification instanceof TokenVerification.Rejected rejected) {
                String check = IdentityChecks.check(rejected.failure());
                var checks = IdentityChecks.failedAt(IdentityChecks.OIDC, check, rejected.detail(),
                        rejected.failure().wireCode());
                var provider = OidcIssuers.claimedIssuer(request.webIdentityToken())
                        .flatMap(directory::oidcProviderByIssuer);
                List<String> extra = check.equals(IdentityChecks.AUDIENCE) && provider.isPresent()
                        ? List.of(audienceAdvice(rejected.detail(), provider.get()))
                        : List.of();
                return assemble(checks, null, provider.map(OidcProvider::arn).orElse(null), request.roleArn(),
                        extra);
            }
            var verified = ((TokenVerification.Verified) verification).token();
            var checks = new ArrayList<>(IdentityChecks.allPassed(IdentityChecks.OIDC, "passed"));
            var provider = directory.oidcProviderByIssuer(verified.issuer());
            if (provider.isEmpty()) {
                return assemble(IdentityChecks.failedAt(IdentityChecks.OIDC, IdentityChecks.ISSUER, "no OIDC provider "
                        + "in the directory for " + verified.issuer(), "InvalidIdentityToken"), null, null,
                        request.roleArn(), List.of());
            }
            FederatedPrincipal principal;
            try {
                principal = WebIdentityPrincipals.of(verified, provider.get());
            } catch (StsException e) {
                checks.add(CheckResult.failed("session claims", e.detail(), e.code()));
                return assemble(checks, null, provider.get().arn(), request.roleArn(), List.of());
            }
            return engine(checks, principal, request.roleArn(), sessionName);
        });
    }

    private Explanation saml(ExplainRequest request) {
        var provider = directory.samlProvider(request.principalArn());
        if (provider.isEmpty()) {
            return assemble(IdentityChecks.failedAt(IdentityChecks.SAML, IdentityChecks.ISSUER, "SAML provider "
                    + request.principalArn() + " does not exist in the directory", "InvalidIdentityToken"), null,
                    null, request.roleArn(), List.of());
        }
        var settings = new SamlProviderSettings(provider.get().arn(), provider.get().entityId(),
                provider.get().signingCertificates());
        var validation = samlValidator.inspect(request.samlAssertion(), settings);
        if (validation instanceof SamlValidation.Invalid invalid) {
            return assemble(IdentityChecks.failedAt(IdentityChecks.SAML, IdentityChecks.check(invalid.failure()),
                    invalid.detail(), invalid.failure().wireCode()), null, provider.get().arn(), request.roleArn(),
                    List.of());
        }
        var verified = ((SamlValidation.Valid) validation).assertion();
        if (!SamlPrincipals.grants(verified, request.roleArn(), request.principalArn())) {
            return assemble(IdentityChecks.failedAt(IdentityChecks.SAML, IdentityChecks.ROLE_ASSERTED,
                    "the Role attribute does not grant " + request.roleArn() + " through " + request.principalArn(),
                    "AccessDenied"), null, provider.get().arn(), request.roleArn(),
                    List.of("add '" + request.roleArn() + "," + request.principalArn() + "' to the assertion's Role "
                            + "attribute (the IdP's role mapping)"));
        }
        var checks = new ArrayList<>(IdentityChecks.allPassed(IdentityChecks.SAML, "passed"));
        try {
            String sessionName = SamlPrincipals.roleSessionName(verified);
            return engine(checks, SamlPrincipals.of(verified, provider.get(), clock), request.roleArn(), sessionName);
        } catch (StsException e) {
            checks.add(CheckResult.failed("session attributes", e.detail(), e.code()));
            return assemble(checks, null, provider.get().arn(), request.roleArn(), List.of());
        }
    }

    private Explanation engine(List<CheckResult> identity, FederatedPrincipal principal, String roleArn,
            String sessionName) {
        var info = new RequestInfo("explain-" + UUID.randomUUID(), null, null, true, null);
        TrustExplanation trust = federation.explainFederation(principal, roleArn, sessionName, info);
        var checks = new ArrayList<>(identity);
        checks.addAll(trust.checks());
        return assemble(checks, trust, principal.providerArn(), roleArn, List.of());
    }

    private static String audienceAdvice(String detail, OidcProvider provider) {
        return "the token's audience is not among the provider's clientIds " + provider.clientIds() + " (" + detail
                + "): add the token's client id to the provider, or request the token for one of them";
    }

    private static Explanation assemble(List<CheckResult> checks, TrustExplanation trust, String providerArn,
            String roleArn, List<String> extraAdvice) {
        String errorCode = checks.stream().filter(c -> c.status() == CheckResult.Status.FAILED)
                .map(CheckResult::errorCode).findFirst().orElse(null);
        var advice = new ArrayList<>(extraAdvice);
        advice.addAll(ExplainAdvice.of(checks, trust, providerArn, roleArn));
        var statements = new ArrayList<Explanation.TrustStatement>();
        Explanation.StatementPointer deciding = null;
        if (trust != null) {
            for (TrustExplanation.ActionTrust action : trust.trust()) {
                for (var s : action.statements()) {
                    var failed = s.failedCondition() == null ? null
                            : new Explanation.FailedCondition(s.failedCondition().key(),
                                    s.failedCondition().operatorText(), s.failedCondition().values());
                    statements.add(new Explanation.TrustStatement(action.action(), s.statement().statement(),
                            s.index(), s.effect().name(), s.applicability().name().toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '-'),
                            s.reason(), failed, s.nullVariables()));
                }
                if (action == trust.trust().get(0) && !action.decision().deciding().isEmpty()) {
                    String label = action.decision().deciding().get(0).statement();
                    int index = action.statements().stream().filter(s -> s.statement().statement().equals(label))
                            .mapToInt(s -> s.index()).findFirst().orElse(-1);
                    deciding = new Explanation.StatementPointer(action.action(), label, index);
                }
            }
        }
        var checkViews = checks.stream().map(c -> new Explanation.Check(c.name(),
                c.status().name().toLowerCase(java.util.Locale.ROOT), c.message())).toList();
        return new Explanation(errorCode == null ? "allow" : "deny", errorCode, checkViews, statements, deciding,
                advice);
    }
}
