package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CallerInfo;
import io.stsgate.engine.RequestInfo;

@ApplicationScoped
public class GetAccessKeyInfoAction implements ActionHandler {

    @Inject
    CallerInfo callerInfo;

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
                .element("Account", callerInfo.getAccessKeyInfo(caller, accessKeyId))
                .finish(info.requestId()));
    }
}
