package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.Caller;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.federation.WebIdentityTokens;

/** AssumeRoleWithWebIdentity: unsigned; the OIDC token is the proof. */
@ApplicationScoped
public class AssumeRoleWithWebIdentityAction implements ActionHandler {

    @Inject
    FederatedAssumption federation;
    @Inject
    WebIdentityTokens webIdentityTokens;

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
        return webIdentityTokens.verify(token).map(verified -> {
            var principal = verified.principal();
            var issued = federation.assumeRoleWithFederation(principal, command, info, audit);
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
}
