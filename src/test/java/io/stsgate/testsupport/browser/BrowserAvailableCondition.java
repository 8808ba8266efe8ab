package io.stsgate.testsupport.browser;

import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresBrowser}. */
public final class BrowserAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_PROPERTY = "browser.required";
    static final String REQUIRE_ENV = "BROWSER_REQUIRED";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = BrowserProject.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("chromium, node and playwright-core found");
        }
        if (required(System.getProperty(REQUIRE_PROPERTY)) || required(System.getenv(REQUIRE_ENV))) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set: tests run (and fail) without "
                    + String.join(", ", missing));
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": missing " + String.join(", ", missing)
                + " (apt-get install chromium; npm ci --prefix src/test/browser; set -D" + REQUIRE_PROPERTY
                + "=true to fail instead of skipping)";
        System.err.println("[browser] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static boolean required(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }
}
