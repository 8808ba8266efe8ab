package io.stsgate.policy;

/**
 * What one statement said about a request, for the explain endpoint: whether it applied and, if not, why in words and
 * which condition failed.
 *
 * @param statement the policy and Sid (or {@code #index})
 * @param index position in the document, from 0
 * @param reason why the statement does not apply or could not be evaluated; null when it applies
 * @param failedCondition the condition that did not hold, when a condition was the reason; else null
 * @param nullVariables for a statement that applies: the policy variables without a value that made it apply (an
 *        inverted operator matches their null value), in words; else null
 */
public record StatementVerdict(StatementRef statement, int index, Effect effect, Applicability applicability,
        String reason, ConditionClause failedCondition, String nullVariables) {

    public enum Applicability {
        APPLIES,
        NOT_APPLICABLE,
        /** The statement could not be evaluated: it fails closed, as an explicit deny. */
        ERROR
    }
}
