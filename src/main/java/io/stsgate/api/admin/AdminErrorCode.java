package io.stsgate.api.admin;

/** Every error the admin API answers with: one table of codes and HTTP statuses. */
public enum AdminErrorCode {
    /** The request body or a parameter is invalid; {@code field} names it. */
    VALIDATION_ERROR("ValidationError", 400),
    /** A policy document in the body is invalid (as IAM answers CreateRole); the message names statement and element. */
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    NOT_FOUND("NotFound", 404),
    /** The entry exists already. */
    ALREADY_EXISTS("AlreadyExists", 409),
    /** The entry cannot be deleted while other entries depend on it (a user's keys, an attached policy). */
    DELETE_CONFLICT("DeleteConflict", 409),
    /** The entry changed since the caller read it (If-Match). */
    PRECONDITION_FAILED("PreconditionFailed", 412),
    /** A change without If-Match: read the entry first, so no change silently overwrites another. */
    PRECONDITION_REQUIRED("PreconditionRequired", 428),
    /** The store could not be reached; nothing changed, retry. */
    STORE_UNAVAILABLE("StoreUnavailable", 503),
    /** Something failed inside stsgate; the log has the details. */
    INTERNAL_FAILURE("InternalFailure", 500);

    private final String code;
    private final int status;

    AdminErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
