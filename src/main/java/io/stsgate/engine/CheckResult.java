package io.stsgate.engine;

/**
 * One check of an explained request: passed, failed or skipped, with a message for an administrator.
 *
 * @param errorCode for a failed check, the AWS error the real request is answered with; else null
 */
public record CheckResult(String name, Status status, String message, String errorCode) {

    public static final String ROLE_EXISTS = "role exists";
    public static final String PROVIDER_ACCOUNT = "provider in the role's account";
    public static final String DURATION = "duration";
    public static final String SESSION_TAGS = "session tags";
    public static final String TRUST_POLICY = "trust policy";
    public static final String TAG_SESSION_PERMISSION = "session tags permission";
    public static final String SOURCE_IDENTITY_PERMISSION = "source identity permission";

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public static CheckResult passed(String name, String message) {
        return new CheckResult(name, Status.PASSED, message, null);
    }

    public static CheckResult failed(String name, String message, ErrorCode errorCode) {
        return new CheckResult(name, Status.FAILED, message, errorCode.wireCode());
    }

    public static CheckResult skipped(String name, String message) {
        return new CheckResult(name, Status.SKIPPED, message, null);
    }

    /** The check that evaluates the trust policy for {@code action}. */
    static String trustCheckName(String action) {
        if (action.equals(SessionIssuance.TAG_SESSION)) {
            return TAG_SESSION_PERMISSION;
        }
        return action.equals(SessionIssuance.SET_SOURCE_IDENTITY) ? SOURCE_IDENTITY_PERMISSION : TRUST_POLICY;
    }
}
