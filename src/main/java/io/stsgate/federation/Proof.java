package io.stsgate.federation;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.audit.AuditDraft;
import io.stsgate.engine.FederatedAssumeCommand;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;

/**
 * What a web identity token or a SAML assertion came to after its own checks: accepted as the engine's principal, or
 * refused at one check. Issuance and explain take the same value on: {@link #issue} answers the first refusal or mints
 * the session, {@link #explain} reports every check the engine would run.
 */
public sealed interface Proof {

    /** The session, or the refusal issuance answers, thrown. */
    FederatedSession issue(FederatedAssumption engine, RequestInfo info, AuditDraft audit);

    /** Every check, the proof's and the engine's, without issuing, spending or auditing anything. */
    FederationExplanation explain(FederatedAssumption engine, RequestInfo info);

    /**
     * An accepted proof.
     *
     * @param order the proof's checks, all passed
     * @param command the request, its session name the one the proof sets (SAML) or the caller asked for
     */
    record Accepted(List<String> order, FederatedPrincipal principal, FederatedAssumeCommand command,
            ResponseFacts facts) implements Proof {

        @Override
        public FederatedSession issue(FederatedAssumption engine, RequestInfo info, AuditDraft audit) {
            return new FederatedSession(engine.assumeRoleWithFederation(principal, command, info, audit), facts);
        }

        @Override
        public FederationExplanation explain(FederatedAssumption engine, RequestInfo info) {
            var role = engine.explainFederation(principal, command, info);
            var checks = new ArrayList<>(ProofChecks.passed(order));
            checks.addAll(role.checks());
            return new FederationExplanation(checks, role.trust(), principal.providerArn(), List.of());
        }
    }

    /**
     * A refused proof.
     *
     * @param check the check that refused, one of {@code order}
     * @param refusal what the real request answers and audits
     * @param providerArn the provider the proof names, or null when none is known
     * @param advice what to change, for explain
     */
    record Refused(List<String> order, String check, StsException refusal, String providerArn, List<String> advice)
            implements
                Proof {

        @Override
        public FederatedSession issue(FederatedAssumption engine, RequestInfo info, AuditDraft audit) {
            throw refusal;
        }

        @Override
        public FederationExplanation explain(FederatedAssumption engine, RequestInfo info) {
            return new FederationExplanation(ProofChecks.failedAt(order, check, refusal), List.of(), providerArn,
                    advice);
        }
    }
}
