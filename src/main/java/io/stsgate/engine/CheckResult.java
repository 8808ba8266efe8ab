package io.stsgate.engine;

import io.stsgate.audit.ReasonCode;

/**
 * One check of a federated request: passed, failed or skipped, with a message for an administrator.
 *
 * @param errorCode for a failed check, the AWS error the real request is answered with; else null
 * @param reason for a failed check, the reason code of the real request's audit event; else null
 */
public record CheckResult(String name, Status status, String message, String errorCode, ReasonCode reason) {

    public static final String PROVIDER_ACCOUNT = "provider in the role's account";
    public static final String ROLE_EXISTS = "role exists";
    public static final String SESSION_TAGS = "session tags";
    public static final String TRUST_POLICY = "trust policy";
    public static final String TAG_SESSION_PERMISSION = "session tags permission";
    public static final String SOURCE_IDENTITY_PERMISSION = "source identity permission";
    public static final String DURATION = "duration";
    public static final String SESSION_POLICIES = "session policies";

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public static CheckResult passed(String name, String message) {
        return new CheckResult(name, Status.PASSED, message, null, null);
    }

    /** Check {@code name} refused with what the real request answers: {@code refusal}'s code, reason and detail. */
    public static CheckResult failed(String name, StsException refusal) {
        return new CheckResult(name, Status.FAILED, refusal.detail(), refusal.code().wireCode(), refusal.reason());
    }

    public static CheckResult skipped(String name, String message) {
        return new CheckResult(name, Status.SKIPPED, message, null, null);
    }

    /** Whether this check refused the request. */
    public boolean failed() {
        return status == Status.FAILED;
    }
}
