package io.stsgate.engine;

import java.util.List;

import io.stsgate.policy.Decision;
import io.stsgate.policy.StatementVerdict;

/**
 * The engine's half of an explained federated request: its checks in pipeline order, and the trust policy's verdict
 * on every action the request needs, statement by statement.
 */
public record TrustExplanation(List<CheckResult> checks, List<ActionTrust> trust) {

    public TrustExplanation {
        checks = List.copyOf(checks);
        trust = List.copyOf(trust);
    }

    /** The trust policy on one action: the decision and what each statement said. */
    public record ActionTrust(String action, Decision decision, List<StatementVerdict> statements) {

        public ActionTrust {
            statements = List.copyOf(statements);
        }
    }
}
