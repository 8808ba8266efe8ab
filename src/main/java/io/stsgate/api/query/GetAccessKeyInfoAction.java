package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.TokenService;

@ApplicationScoped
public class GetAccessKeyInfoAction implements ActionHandler {

    @Inject
    TokenService tokens;

    @Override
    public String action() {
        return "GetAccessKeyInfo";
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        audit.principal(caller.arn());
        String accessKeyId = ParameterRules.text(ParameterRules.required(p, "AccessKeyId", "accessKeyId"),
                "accessKeyId", 16, 128, ParameterRules.ACCESS_KEY_ID);
        return Uni.createFrom().item(XmlResponse.of(action())
                .element("Account", tokens.getAccessKeyInfo(caller, accessKeyId))
                .finish(info.requestId()));
    }
}
