package io.stsgate.api.query;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.engine.Caller;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.federation.SamlPrincipals;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.SamlProviderSettings;
import io.stsgate.identity.saml.SamlValidation;

/** AssumeRoleWithSAML: unsigned; the signed SAML assertion is the proof. */
@ApplicationScoped
public class AssumeRoleWithSamlAction implements ActionHandler {

    @Inject
    FederatedAssumption federation;
    @Inject
    SamlAssertionValidator validator;
    @Inject
    Directory directory;
    @Inject
    Clock clock;

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
        var provider = directory.samlProvider(principalArn).orElseThrow(() -> new StsException(
                ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.SAML_PROVIDER_UNKNOWN,
                "SAML provider " + principalArn + " does not exist in the directory."));
        var validation = validator.validate(assertion, new SamlProviderSettings(provider.arn(), provider.entityId(),
                provider.signingCertificates()));
        if (validation instanceof SamlValidation.Invalid invalid) {
            throw new StsException(ErrorCode.ofWireCode(invalid.failure().wireCode()),
                    SamlPrincipals.refusalReason(invalid.failure()),
                    invalid.failure().clientMessage(), invalid.detail());
        }
        var verified = ((SamlValidation.Valid) validation).assertion();
        audit.subject(verified.nameId()).issuer(verified.issuer());
        if (!SamlPrincipals.grants(verified, roleArn, principalArn)) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.SAML_ROLE_NOT_ASSERTED,
                    "Not authorized to perform sts:AssumeRoleWithSAML",
                    "the Role attribute does not grant " + roleArn + " through " + principalArn);
        }
        var command = new FederatedAssumeCommand(roleArn, SamlPrincipals.roleSessionName(verified), duration, policy,
                policyArns);
        var principal = SamlPrincipals.of(verified, provider, clock);
        var issued = federation.assumeRoleWithFederation(principal, command, info, audit);
        return Uni.createFrom().item(XmlResponse.of(action())
                .credentials(issued.credentials())
                .assumedRoleUser(issued.session())
                .element("PackedPolicySize", issued.packedPolicySize())
                .element("Subject", verified.nameId())
                .element("SubjectType", SamlPrincipals.subjectType(verified.nameIdFormat()))
                .element("Issuer", verified.issuer())
                .element("Audience", verified.recipient())
                .element("NameQualifier", SamlPrincipals.nameQualifier(verified.issuer(), provider))
                .element("SourceIdentity", issued.session().sourceIdentity())
                .finish(info.requestId()));
    }

}
