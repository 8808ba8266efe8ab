package io.stsgate.federation;

import java.util.List;
import java.util.Optional;

import io.stsgate.engine.CheckResult;
import io.stsgate.engine.TrustExplanation;

/**
 * Every check of a federated request, the proof's and the role's, in the order issuance runs them, with the trust
 * policy's verdict on each action it evaluated. Its first failed check is the refusal issuance answers.
 *
 * @param providerArn the provider the proof names, or null when none is known
 * @param advice what to change that only the proof's provider knows (the audience a token should have, the Role
 *        attribute an assertion lacks)
 */
public record FederationExplanation(List<CheckResult> checks, List<TrustExplanation.ActionTrust> trust,
        String providerArn, List<String> advice) {

    public FederationExplanation {
        checks = List.copyOf(checks);
        trust = List.copyOf(trust);
        advice = List.copyOf(advice);
    }

    /** The check that refuses the request, as issuance would: its error code and audit reason. */
    public Optional<CheckResult> refusal() {
        return checks.stream().filter(CheckResult::failed).findFirst();
    }

    FederationExplanation withProvider(String arn, List<String> extraAdvice) {
        return new FederationExplanation(checks, trust, arn, extraAdvice);
    }
}
