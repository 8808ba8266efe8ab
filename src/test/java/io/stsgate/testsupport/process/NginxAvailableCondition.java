package io.stsgate.testsupport.process;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresNginx}. */
public final class NginxAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_PROPERTY = "nginx.required";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var missing = new ArrayList<String>();
        if (!NginxProcess.BINARY.toFile().canExecute()) {
            missing.add(NginxProcess.BINARY + " (apt-get install nginx)");
        }
        if (!AwsCli.BINARY.toFile().canExecute()) {
            missing.add(AwsCli.BINARY + " (apt-get install awscli)");
        }
        if (!boto3()) {
            missing.add("boto3 for /usr/bin/python3 (apt-get install python3-boto3)");
        }
        if (!S3ProxyProcess.JAR.toFile().isFile()) {
            missing.add(S3ProxyProcess.JAR + " (./mvnw generate-test-resources)");
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("nginx, AWS CLI, boto3 and S3Proxy found");
        }
        String required = System.getProperty(REQUIRE_PROPERTY);
        if (required != null && !required.equalsIgnoreCase("false")) {
            return ConditionEvaluationResult.enabled(REQUIRE_PROPERTY + " is set: tests run (and fail) without "
                    + String.join(", ", missing));
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": missing " + String.join(", ", missing) + " (set -D"
                + REQUIRE_PROPERTY + " to fail instead of skipping)";
        System.err.println("[nginx] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    private static boolean boto3() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import boto3").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
