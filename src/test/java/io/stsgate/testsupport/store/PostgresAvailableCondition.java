package io.stsgate.testsupport.store;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresPostgres}. */
public final class PostgresAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_PROPERTY = "postgres.required";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestPostgres.reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + TestPostgres.URL);
        }
        if (required()) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set: tests run (and fail) without "
                    + "PostgreSQL");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": no PostgreSQL at " + TestPostgres.URL + " (set -D"
                + REQUIRE_PROPERTY + " to fail instead of skipping)";
        System.err.println("[postgres] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static boolean required() {
        String required = System.getProperty(REQUIRE_PROPERTY);
        return required != null && !required.equalsIgnoreCase("false");
    }
}
