package io.stsgate.api.admin;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.engine.CheckResult;
import io.stsgate.engine.TrustExplanation;
import io.stsgate.federation.ProofChecks;
import io.stsgate.policy.Effect;
import io.stsgate.policy.Outcome;
import io.stsgate.policy.StatementVerdict;

/** What to change so a refused request succeeds, in words an administrator can act on. */
final class ExplainAdvice {

    private ExplainAdvice() {
    }

    static List<String> of(List<CheckResult> checks, List<TrustExplanation.ActionTrust> trust, String providerArn,
            String roleArn) {
        var advice = new ArrayList<String>();
        for (CheckResult check : checks) {
            if (check.status() != CheckResult.Status.FAILED) {
                continue;
            }
            switch (check.name()) {
                case CheckResult.ROLE_EXISTS -> advice.add("create the role " + roleArn + ", or correct roleArn");
                case CheckResult.PROVIDER_ACCOUNT -> advice.add("register the provider in the role's account, or "
                        + "use a role of the provider's account");
                case CheckResult.DURATION -> advice.add("raise the role's maxSessionDuration or ask for a shorter "
                        + "session");
                case ProofChecks.SIGNATURE -> advice.add("the signature does not verify with the keys of "
                        + (providerArn == null ? "the provider" : providerArn) + ": make sure the token comes from "
                        + "that provider and its JWKS or certificates are current");
                case ProofChecks.TIME_WINDOW -> advice.add("get a fresh token or assertion from the identity "
                        + "provider, and check both clocks");
                case ProofChecks.ISSUER -> advice.add("register a provider for the token's issuer, or use a "
                        + "token or assertion from a registered provider");
                default -> {
                    // Audience and Role attribute advice need the provider: the pipeline adds it. Trust advice below.
                }
            }
        }
        for (TrustExplanation.ActionTrust action : trust) {
            if (!action.decision().allowed()) {
                trustAdvice(action, providerArn, advice);
            }
        }
        return advice;
    }

    private static void trustAdvice(TrustExplanation.ActionTrust action, String providerArn, List<String> advice) {
        if (action.decision().outcome() == Outcome.EXPLICIT_DENY) {
            action.statements().stream()
                    .filter(s -> s.applicability() != StatementVerdict.Applicability.NOT_APPLICABLE
                            && (s.effect() == Effect.DENY
                                    || s.applicability() == StatementVerdict.Applicability.ERROR))
                    .forEach(s -> advice.add("statement " + s.statement().statement() + " "
                            + (s.applicability() == StatementVerdict.Applicability.ERROR
                                    ? "cannot be evaluated (" + s.reason() + "): fix it"
                                    : "denies " + action.action() + (s.nullVariables() == null ? ""
                                            : " because " + s.nullVariables()) + ": narrow or remove it")));
            return;
        }
        var allows = action.statements().stream().filter(s -> s.effect() == Effect.ALLOW).toList();
        if (allows.isEmpty()) {
            advice.add("add a statement allowing '" + action.action() + "' for Principal {Federated: " + providerArn
                    + "}");
            return;
        }
        for (StatementVerdict statement : allows) {
            String label = statement.statement().statement();
            String reason = statement.reason() == null ? "" : statement.reason();
            if (statement.failedCondition() != null) {
                var condition = statement.failedCondition();
                advice.add("statement " + label + ": condition " + condition.operatorText() + " on "
                        + condition.key() + " expected " + condition.values() + "; the request's value "
                        + (reason.contains("request value absent") ? "is absent" : "does not match"));
            } else if (reason.contains("is not matched by Action") || reason.contains("excluded by NotAction")) {
                advice.add("add '" + action.action() + "' to statement " + label);
            } else if (reason.contains("Principal")) {
                advice.add("statement " + label + " does not trust " + providerArn + ": add it to Principal.Federated");
            } else if (!reason.isEmpty()) {
                advice.add("statement " + label + ": " + reason);
            }
        }
    }
}
