package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CallerInfo;
import io.stsgate.engine.RequestInfo;

@ApplicationScoped
public class GetCallerIdentityAction implements ActionHandler {

    @Inject
    CallerInfo callerInfo;

    @Override
    public String action() {
        return "GetCallerIdentity";
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        audit.principal(caller.arn());
        var identity = callerInfo.getCallerIdentity(caller);
        return Uni.createFrom().item(XmlResponse.of(action())
                .element("UserId", identity.userId())
                .element("Account", identity.account())
                .element("Arn", identity.arn())
                .finish(info.requestId()));
    }
}
