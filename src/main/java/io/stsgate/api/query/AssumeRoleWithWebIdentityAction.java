package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.engine.Caller;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.engine.TokenService;
import io.stsgate.federation.WebIdentityPrincipals;
import io.stsgate.identity.oidc.OidcFailure;
import io.stsgate.identity.oidc.TokenVerification;
import io.stsgate.identity.oidc.TrustedIssuers;

/** AssumeRoleWithWebIdentity: unsigned; the OIDC token is the proof. */
@ApplicationScoped
public class AssumeRoleWithWebIdentityAction implements ActionHandler {

    @Inject
    TokenService tokens;
    @Inject
    TrustedIssuers issuers;
    @Inject
    Directory directory;

    @Override
    public String action() {
        return "AssumeRoleWithWebIdentity";
    }

    @Override
    public boolean signed() {
        return false;
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        var command = new FederatedAssumeCommand(
                SessionParameters.roleArn(p),
                SessionParameters.roleSessionName(p),
                SessionParameters.roleDuration(p),
                SessionParameters.policy(p),
                SessionParameters.policyArns(p));
        audit.role(command.roleArn()).sessionName(command.roleSessionName());
        // The token is secret: its length is checked here, its contents never reach a message or a log.
        String token = ParameterRules.required(p, "WebIdentityToken", "webIdentityToken");
        if (token.length() < 4 || token.length() > 20000) {
            throw StsException.validation("1 validation error detected: Value at 'webIdentityToken' failed to "
                    + "satisfy constraint: Member must have length " + (token.length() < 4
                            ? "greater than or equal to 4"
                            : "less than or equal to 20000"));
        }
        if (p.value("ProviderId") != null) {
            throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                    "ProviderId is only for OAuth 2.0 access tokens, which stsgate does not accept; omit it for "
                            + "OpenID Connect ID tokens.");
        }
        return issuers.current().verify(token).map(verification -> {
            if (verification instanceof TokenVerification.Rejected rejected) {
                throw rejection(rejected);
            }
            var verified = ((TokenVerification.Verified) verification).token();
            var provider = directory.oidcProviderByIssuer(verified.issuer()).orElseThrow(
                    () -> new StsException(ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.TOKEN_UNKNOWN_ISSUER,
                            "No OpenIDConnect provider found in your account for " + verified.issuer()));
            var principal = WebIdentityPrincipals.of(verified, provider);
            var issued = tokens.assumeRoleWithFederation(principal, command, info, audit);
            return XmlResponse.of(action())
                    .element("SubjectFromWebIdentityToken", principal.subject())
                    .element("Audience", principal.audience())
                    .assumedRoleUser(issued.session())
                    .credentials(issued.credentials())
                    .element("Provider", principal.providerArn())
                    .element("PackedPolicySize", issued.packedPolicySize())
                    .element("SourceIdentity", issued.session().sourceIdentity())
                    .finish(info.requestId());
        });
    }

    private static StsException rejection(TokenVerification.Rejected rejected) {
        OidcFailure failure = rejected.failure();
        return new StsException(ErrorCode.ofWireCode(failure.wireCode()), reason(failure), rejected.clientMessage(),
                rejected.detail());
    }

    static ReasonCode reason(OidcFailure failure) {
        return switch (failure) {
            case MALFORMED -> ReasonCode.TOKEN_MALFORMED;
            case UNKNOWN_ISSUER -> ReasonCode.TOKEN_UNKNOWN_ISSUER;
            case ALGORITHM_NOT_ALLOWED -> ReasonCode.TOKEN_ALGORITHM_NOT_ALLOWED;
            case UNKNOWN_KEY -> ReasonCode.TOKEN_UNKNOWN_KEY;
            case KEY_ID_INVALID -> ReasonCode.TOKEN_KEY_ID_INVALID;
            case WEAK_KEY -> ReasonCode.TOKEN_WEAK_KEY;
            case BAD_SIGNATURE -> ReasonCode.TOKEN_BAD_SIGNATURE;
            case EXPIRED -> ReasonCode.TOKEN_EXPIRED;
            case NOT_YET_VALID -> ReasonCode.TOKEN_NOT_YET_VALID;
            case ISSUED_IN_FUTURE -> ReasonCode.TOKEN_ISSUED_IN_FUTURE;
            case TOKEN_TOO_OLD -> ReasonCode.TOKEN_TOO_OLD;
            case MISSING_AUDIENCE -> ReasonCode.TOKEN_MISSING_AUDIENCE;
            case WRONG_AUDIENCE -> ReasonCode.TOKEN_WRONG_AUDIENCE;
            case MISSING_SUBJECT -> ReasonCode.TOKEN_MISSING_SUBJECT;
            case TOO_LARGE -> ReasonCode.TOKEN_TOO_LARGE;
            case IDP_UNREACHABLE -> ReasonCode.IDP_UNREACHABLE;
        };
    }
}
