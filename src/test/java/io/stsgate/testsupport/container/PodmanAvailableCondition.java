package io.stsgate.testsupport.container;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresPodman}. */
public final class PodmanAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_PROPERTY = "podman.required";
    static final String REQUIRE_ENV = "PODMAN_REQUIRED";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Podman.installed()) {
            return ConditionEvaluationResult.enabled("podman found");
        }
        if (required(System.getProperty(REQUIRE_PROPERTY)) || required(System.getenv(REQUIRE_ENV))) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set: tests run (and fail) without podman");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": podman is missing (apt-get install podman; set -D"
                + REQUIRE_PROPERTY + "=true to fail instead of skipping)";
        System.err.println("[podman] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static boolean required(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }
}
