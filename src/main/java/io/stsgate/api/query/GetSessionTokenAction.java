package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.GetSessionTokenCommand;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.UserSessionTokens;

@ApplicationScoped
public class GetSessionTokenAction implements ActionHandler {

    @Inject
    UserSessionTokens userSessionTokens;

    @Override
    public String action() {
        return "GetSessionToken";
    }

    /** A code to check means one write to the MFA code ledger in the store. */
    @Override
    public boolean needsStore(QueryParameters params) {
        return params.value("SerialNumber") != null || params.value("TokenCode") != null;
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        var command = new GetSessionTokenCommand(
                ParameterRules.integer(p.value("DurationSeconds"), "durationSeconds", 900, 129600),
                ParameterRules.text(p.value("SerialNumber"), "serialNumber", 9, 256, ParameterRules.SERIAL_NUMBER),
                ParameterRules.text(p.value("TokenCode"), "tokenCode", 6, 6, ParameterRules.TOKEN_CODE));
        var issued = userSessionTokens.getSessionToken(caller, command, info, audit);
        return Uni.createFrom().item(XmlResponse.of(action()).credentials(issued.credentials()).finish(info.requestId()));
    }
}
