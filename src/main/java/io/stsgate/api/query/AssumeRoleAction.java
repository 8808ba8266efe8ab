package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.AssumeRoleCommand;
import io.stsgate.engine.Caller;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.RoleAssumption;

@ApplicationScoped
public class AssumeRoleAction implements ActionHandler {

    @Inject
    RoleAssumption roles;

    @Override
    public String action() {
        return "AssumeRole";
    }

    /** A code to check means one write to the MFA code ledger in the store. */
    @Override
    public boolean needsStore(QueryParameters params) {
        return params.value("SerialNumber") != null || params.value("TokenCode") != null;
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        var command = new AssumeRoleCommand(
                SessionParameters.roleArn(p),
                SessionParameters.roleSessionName(p),
                SessionParameters.roleDuration(p),
                SessionParameters.policy(p),
                SessionParameters.policyArns(p),
                SessionParameters.tags(p),
                SessionParameters.transitiveTagKeys(p),
                ParameterRules.text(p.value("ExternalId"), "externalId", 2, 1224, ParameterRules.EXTERNAL_ID),
                ParameterRules.text(p.value("SerialNumber"), "serialNumber", 9, 256, ParameterRules.SERIAL_NUMBER),
                ParameterRules.text(p.value("TokenCode"), "tokenCode", 6, 6, ParameterRules.TOKEN_CODE),
                sourceIdentity(p.value("SourceIdentity")));
        var issued = roles.assumeRole(caller, command, info, audit);
        return Uni.createFrom().item(XmlResponse.of(action())
                .credentials(issued.credentials())
                .assumedRoleUser(issued.session())
                .element("PackedPolicySize", issued.packedPolicySize())
                .element("SourceIdentity", issued.session().sourceIdentity())
                .finish(info.requestId()));
    }

    static String sourceIdentity(String value) {
        String checked = ParameterRules.text(value, "sourceIdentity", 2, 64, ParameterRules.SESSION_NAME);
        if (checked != null && checked.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
            throw io.stsgate.engine.StsException.validation("SourceIdentity must not begin with 'aws:'.");
        }
        return checked;
    }
}
