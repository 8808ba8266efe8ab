package io.stsgate.api.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The whole verdict on a federated request, without issuing anything.
 *
 * @param verdict {@code allow} or {@code deny}
 * @param errorCode the AWS error the real request is answered with; absent when allowed
 * @param reasonCode the reason code of the real request's audit event; absent when allowed
 * @param checks every check in pipeline order: passed, failed or skipped
 * @param trustStatements what each trust policy statement said about each action the request needs
 * @param decidingStatement the statement that decided the trust policy's verdict on the assume action, if one did
 * @param advice what to change so the request succeeds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(String verdict, String errorCode, String reasonCode, List<Check> checks,
        List<TrustStatement> trustStatements,
        StatementPointer decidingStatement, List<String> advice) {

    public record Check(String name, String status, String message) {
    }

    /**
     * @param nullVariables for a statement that applies only because a policy variable had no value (an inverted
     *        operator matches the null value): which variable, in words
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrustStatement(String action, String statement, int index, String effect, String decision,
            String message, FailedCondition failedCondition, String nullVariables) {
    }

    /** A condition that did not hold: the operator and key as written, and the values the policy expects. */
    public record FailedCondition(String key, String operator, List<String> values) {
    }

    public record StatementPointer(String action, String statement, int index) {
    }
}
