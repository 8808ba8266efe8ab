package io.stsgate.api.admin;

/** Every error the admin API answers with: one table of codes and HTTP statuses. */
public enum AdminErrorCode {
    /** The request body or a parameter is invalid; {@code field} names it. */
    VALIDATION_ERROR("ValidationError", 400),
    /** A policy document in the body is invalid (as IAM answers CreateRole); the message names statement and element. */
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    /**
     * No bearer token authentication is configured (quarkus.oidc): every caller is refused until it is. 401 as for any
     * caller without valid credentials, so clients and scripts keep one rule; the message names the switch.
     */
    AUTHENTICATION_NOT_CONFIGURED("AuthenticationNotConfigured", 401),
    /** No {@code Authorization: Bearer} header. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 401),
    /** The bearer token is malformed, its signature does not verify, or another issuer issued it. */
    INVALID_TOKEN("InvalidToken", 401),
    EXPIRED_TOKEN("ExpiredToken", 401),
    /** The bearer token was issued for another audience (another client of the same realm, an ID token). */
    INVALID_AUDIENCE("InvalidAudience", 401),
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
