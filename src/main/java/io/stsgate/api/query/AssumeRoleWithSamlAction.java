package io.stsgate.api.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.Caller;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.federation.SamlFederation;
import io.stsgate.identity.saml.SamlAssertionValidator;

/** AssumeRoleWithSAML: unsigned; the signed SAML assertion is the proof. */
@ApplicationScoped
public class AssumeRoleWithSamlAction implements ActionHandler {

    @Inject
    SamlFederation saml;

    @Override
    public String action() {
        return "AssumeRoleWithSAML";
    }

    @Override
    public boolean signed() {
        return false;
    }

    /** Every assertion id is spent in the store's replay cache. */
    @Override
    public boolean needsStore(QueryParameters params) {
        return true;
    }

    @Override
    public Uni<String> handle(Caller caller, QueryParameters p, RequestInfo info, AuditDraft audit) {
        String roleArn = SessionParameters.roleArn(p);
        String principalArn = ParameterRules.text(ParameterRules.required(p, "PrincipalArn", "principalArn"),
                "principalArn", 20, 2048, ParameterRules.ARN);
        Integer duration = SessionParameters.roleDuration(p);
        String policy = SessionParameters.policy(p);
        var policyArns = SessionParameters.policyArns(p);
        audit.role(roleArn).principal(principalArn);
        // The assertion is a credential: only its length is checked here, its text never reaches a message.
        String assertion = ParameterRules.required(p, "SAMLAssertion", "sAMLAssertion");
        if (assertion.length() < 4 || assertion.length() > SamlAssertionValidator.MAX_BASE64_CHARS) {
            throw StsException.validation("1 validation error detected: Value at 'sAMLAssertion' failed to satisfy "
                    + "constraint: Member must have length " + (assertion.length() < 4 ? "greater than or equal to 4"
                            : "less than or equal to " + SamlAssertionValidator.MAX_BASE64_CHARS));
        }
        // The assertion sets RoleSessionName.
        var command = new FederatedAssumeCommand(roleArn, null, duration, policy, policyArns);
        var session = saml.assumeRole(assertion, principalArn, command, info, audit);
        var facts = session.facts();
        var issued = session.issued();
        return Uni.createFrom().item(XmlResponse.of(action())
                .credentials(issued.credentials())
                .assumedRoleUser(issued.session())
                .element("PackedPolicySize", issued.packedPolicySize())
                .element("Subject", facts.subject())
                .element("SubjectType", facts.subjectType())
                .element("Issuer", facts.issuer())
                .element("Audience", facts.audience())
                .element("NameQualifier", facts.nameQualifier())
                .element("SourceIdentity", issued.session().sourceIdentity())
                .finish(info.requestId()));
    }

}
