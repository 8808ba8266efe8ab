package io.stsgate.api.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresDebianAwsClients}. */
public final class DebianAwsClientsCondition implements ExecutionCondition {

    static final String REQUIRE_PROPERTY = "awsclients.required";
    static final String REQUIRE_ENV = "AWSCLIENTS_REQUIRED";
    static final Path AWS = Path.of("/usr/bin/aws");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Debian's awscli and python3-boto3 found");
        }
        if (required(System.getProperty(REQUIRE_PROPERTY)) || required(System.getenv(REQUIRE_ENV))) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set: tests run (and fail) without "
                    + String.join(", ", missing));
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": missing " + String.join(", ", missing)
                + " (apt-get install awscli python3-boto3; set -D" + REQUIRE_PROPERTY + "=true to fail instead)";
        System.err.println("[aws clients] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static List<String> missing() {
        var missing = new ArrayList<String>();
        if (!Files.isExecutable(AWS)) {
            missing.add("awscli (" + AWS + ")");
        }
        if (!Files.isExecutable(PYTHON) || !imports("boto3")) {
            missing.add("python3-boto3");
        }
        return missing;
    }

    private static boolean imports(String module) {
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean required(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }
}
