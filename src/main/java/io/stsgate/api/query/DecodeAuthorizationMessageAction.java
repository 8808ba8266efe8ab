package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CallerInfo;
import io.stsgate.engine.RequestInfo;

@ApplicationScoped
public class DecodeAuthorizationMessageAction implements ActionHandler {

    @Inject
    CallerInfo callerInfo;

    @Override
    public String action() {
        return "DecodeAuthorizationMessage";
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        String encoded = ParameterRules.text(ParameterRules.required(p, "EncodedMessage", "encodedMessage"),
                "encodedMessage", 1, 10240, null);
        return Uni.createFrom().item(XmlResponse.of(action())
                .element("DecodedMessage", callerInfo.decodeAuthorizationMessage(caller, encoded, info, audit))
                .finish(info.requestId()));
    }
}
