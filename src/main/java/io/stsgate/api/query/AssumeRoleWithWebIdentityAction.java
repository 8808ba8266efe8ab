package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.federation.WebIdentityFederation;

/** AssumeRoleWithWebIdentity: unsigned; the OIDC token is the proof. */
@ApplicationScoped
public class AssumeRoleWithWebIdentityAction implements ActionHandler {

    @Inject
    WebIdentityFederation webIdentity;

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
        return webIdentity.assumeRole(token, p.value("ProviderId"), command, info, audit).map(session -> {
            var facts = session.facts();
            var issued = session.issued();
            return XmlResponse.of(action())
                    .element("SubjectFromWebIdentityToken", facts.subject())
                    .element("Audience", facts.audience())
                    .assumedRoleUser(issued.session())
                    .credentials(issued.credentials())
                    .element("Provider", facts.providerArn())
                    .element("PackedPolicySize", issued.packedPolicySize())
                    .element("SourceIdentity", issued.session().sourceIdentity())
                    .finish(info.requestId());
        });
    }
}
