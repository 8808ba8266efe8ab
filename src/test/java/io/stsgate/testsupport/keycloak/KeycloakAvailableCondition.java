package io.stsgate.testsupport.keycloak;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresKeycloak}. */
public final class KeycloakAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_PROPERTY = "keycloak.required";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var distribution = KeycloakDistribution.locate();
        if (distribution.isPresent()) {
            return ConditionEvaluationResult.enabled(distribution.get() + " found");
        }
        String required = System.getProperty(REQUIRE_PROPERTY);
        if (required != null && !required.equalsIgnoreCase("false")) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set: tests run (and fail) without "
                    + "a Keycloak distribution");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": no Keycloak distribution in "
                + KeycloakDistribution.searchDirectory() + " (run ./mvnw generate-test-resources; set -D"
                + REQUIRE_PROPERTY + " to fail instead of skipping)";
        System.err.println("[keycloak] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
