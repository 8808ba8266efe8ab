package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.GetFederationTokenCommand;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.UserSessionTokens;

@ApplicationScoped
public class GetFederationTokenAction implements ActionHandler {

    @Inject
    UserSessionTokens userSessionTokens;

    @Override
    public String action() {
        return "GetFederationToken";
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        var command = new GetFederationTokenCommand(
                ParameterRules.text(ParameterRules.required(p, "Name", "name"), "name", 2, 32,
                        ParameterRules.SESSION_NAME),
                ParameterRules.integer(p.value("DurationSeconds"), "durationSeconds", 900, 129600),
                ParameterRules.text(SessionParameters.policy(p), "policy", 1, 2048, ParameterRules.POLICY_TEXT),
                SessionParameters.policyArns(p),
                SessionParameters.tags(p));
        var issued = userSessionTokens.getFederationToken(caller, command, info, audit);
        return Uni.createFrom().item(XmlResponse.of(action())
                .credentials(issued.credentials())
                .open("FederatedUser")
                .element("FederatedUserId", issued.session().principalId())
                .element("Arn", issued.session().arn())
                .close("FederatedUser")
                .element("PackedPolicySize", issued.packedPolicySize())
                .finish(info.requestId()));
    }
}
