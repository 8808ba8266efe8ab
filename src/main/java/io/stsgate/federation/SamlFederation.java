package io.stsgate.federation;

import java.time.Clock;
import java.util.List;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Directory;
import io.stsgate.directory.SamlProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.IssuedSession;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.SamlProviderSettings;
import io.stsgate.identity.saml.SamlValidation;
import io.stsgate.identity.saml.VerifiedAssertion;

/**
 * A SAML assertion to a session, for AssumeRoleWithSAML, the browser sign-in and the explain endpoint: the provider
 * PrincipalArn names, the validator, the Role attribute, the session attributes ({@link SamlPrincipals}), then the
 * engine's checks. Issuance and explain take the same {@link Proof} from {@link #prove}; only issuance spends the
 * assertion's one use.
 */
public final class SamlFederation {

    private final SamlAssertionValidator validator;
    private final Directory directory;
    private final FederatedAssumption engine;
    private final Clock clock;

    public SamlFederation(SamlAssertionValidator validator, Directory directory, FederatedAssumption engine,
            Clock clock) {
        this.validator = validator;
        this.directory = directory;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * AssumeRoleWithSAML: issues the session or throws the {@link StsException} to answer.
     *
     * @param command the request; its session name is ignored, the assertion's RoleSessionName sets it
     */
    public FederatedSession assumeRole(String assertion, String principalArn, FederatedAssumeCommand command,
            RequestInfo info, AuditDraft audit) {
        return prove(assertion, principalArn, command, true, audit).issue(engine, info, audit);
    }

    /** Every check AssumeRoleWithSAML would make, without issuing, auditing or spending the assertion. */
    public FederationExplanation explain(String assertion, String principalArn, FederatedAssumeCommand command,
            RequestInfo info) {
        var proof = prove(assertion, principalArn, command, false, new AuditDraft(info.requestId(), null, null));
        var explanation = proof.explain(engine, info);
        if (proof instanceof Proof.Refused refused && refused.check().equals(ProofChecks.ROLE_ASSERTED)) {
            return explanation.withProvider(explanation.providerArn(), List.of("add '" + command.roleArn() + ","
                    + principalArn + "' to the assertion's Role attribute (the IdP's role mapping)"));
        }
        return explanation;
    }

    /**
     * The browser sign-in, once the posted assertion is valid: its session attributes are checked now, with
     * AssumeRoleWithSAML's rules, rather than after the user chose a role.
     *
     * @throws StsException the refusal AssumeRoleWithSAML answers for the same attributes
     */
    public void checkSessionAttributes(VerifiedAssertion assertion, SamlProvider provider, AuditDraft audit) {
        audit.sessionName(SamlPrincipals.roleSessionName(assertion));
        SamlPrincipals.of(assertion, provider, clock);
    }

    /**
     * The browser sign-in's chosen role: the session lasts what the IdP allows (SessionDuration,
     * SessionNotOnOrAfter) up to the role's maximum; without either, AssumeRoleWithSAML's default hour.
     */
    public IssuedSession assumeChosenRole(VerifiedAssertion assertion, SamlProvider provider, String roleArn,
            RequestInfo info, AuditDraft audit) {
        var command = new FederatedAssumeCommand(roleArn, null, null, null, List.of());
        return accept(assertion, provider, command, true).issue(engine, info, audit).issued();
    }

    /** The assertion's checks, in {@link ProofChecks#SAML}'s order; {@code spend} uses up its one use. */
    Proof prove(String assertion, String principalArn, FederatedAssumeCommand command, boolean spend,
            AuditDraft audit) {
        var provider = directory.samlProvider(principalArn).orElse(null);
        if (provider == null) {
            return new Proof.Refused(ProofChecks.SAML, ProofChecks.ISSUER, new StsException(
                    ErrorCode.INVALID_IDENTITY_TOKEN, ReasonCode.SAML_PROVIDER_UNKNOWN,
                    "SAML provider " + principalArn + " does not exist in the directory."), null, List.of());
        }
        var settings = new SamlProviderSettings(provider.arn(), provider.entityId(), provider.signingCertificates());
        var validation = spend ? validator.validate(assertion, settings) : validator.inspect(assertion, settings);
        if (validation instanceof SamlValidation.Invalid invalid) {
            return new Proof.Refused(ProofChecks.SAML, ProofChecks.check(invalid.failure()), new StsException(
                    ErrorCode.ofWireCode(invalid.failure().wireCode()), SamlPrincipals.refusalReason(invalid.failure()),
                    invalid.failure().clientMessage(), invalid.detail()), provider.arn(), List.of());
        }
        var verified = ((SamlValidation.Valid) validation).assertion();
        audit.subject(verified.nameId()).issuer(verified.issuer());
        return accept(verified, provider, command, false);
    }

    /** The Role attribute and the session attributes of a valid assertion. */
    private Proof accept(VerifiedAssertion verified, SamlProvider provider, FederatedAssumeCommand command,
            boolean untilProviderLimit) {
        if (!SamlPrincipals.grants(verified, command.roleArn(), provider.arn())) {
            return new Proof.Refused(ProofChecks.SAML, ProofChecks.ROLE_ASSERTED, new StsException(
                    ErrorCode.ACCESS_DENIED, ReasonCode.SAML_ROLE_NOT_ASSERTED,
                    "Not authorized to perform sts:AssumeRoleWithSAML",
                    "the Role attribute does not grant " + command.roleArn() + " through " + provider.arn()),
                    provider.arn(), List.of());
        }
        try {
            String sessionName = SamlPrincipals.roleSessionName(verified);
            var principal = SamlPrincipals.of(verified, provider, clock);
            Integer duration = untilProviderLimit ? untilProviderLimit(principal.maxDurationSeconds(),
                    command.roleArn()) : command.durationSeconds();
            var facts = new ResponseFacts(provider.arn(), verified.nameId(),
                    SamlPrincipals.subjectType(verified.nameIdFormat()), verified.issuer(), verified.recipient(),
                    SamlPrincipals.nameQualifier(verified.issuer(), provider));
            return new Proof.Accepted(ProofChecks.SAML, principal, new FederatedAssumeCommand(command.roleArn(),
                    sessionName, duration, command.policy(), command.policyArns()), facts);
        } catch (StsException e) {
            return new Proof.Refused(ProofChecks.SAML, ProofChecks.SESSION_ATTRIBUTES, e, provider.arn(), List.of());
        }
    }

    private Integer untilProviderLimit(Integer providerMaximum, String roleArn) {
        if (providerMaximum == null) {
            return null;
        }
        return directory.role(roleArn).map(r -> Math.min(providerMaximum, r.maxSessionDuration()))
                .orElse(providerMaximum);
    }
}
