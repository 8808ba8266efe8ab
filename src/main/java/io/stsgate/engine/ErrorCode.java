package io.stsgate.engine;

/**
 * The one table of errors stsgate sends: the AWS wire code, the HTTP status and who is at fault. SDKs map by
 * {@code <Code>}, so these names are exactly AWS's.
 */
public enum ErrorCode {
    ACCESS_DENIED("AccessDenied", 403),
    VALIDATION_ERROR("ValidationError", 400),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
    EXPIRED_TOKEN_EXCEPTION("ExpiredTokenException", 400),
    INVALID_IDENTITY_TOKEN("InvalidIdentityToken", 400),
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403),
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400),
    INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400),
    INVALID_ACTION("InvalidAction", 400),
    MISSING_ACTION("MissingAction", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    EXPIRED_TOKEN("ExpiredToken", 403),
    REQUEST_EXPIRED("RequestExpired", 400),
    /** S3's answer when the body does not hash to the signed X-Amz-Content-Sha256 (decision API). */
    X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400),
    /** S3's answer to a malformed X-Amz-Content-Sha256 (decision API). */
    INVALID_ARGUMENT("InvalidArgument", 400),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    /** AWS's answer to a caller over its rate; every AWS SDK retries it with backoff. */
    THROTTLING("Throttling", 400),
    INTERNAL_FAILURE("InternalFailure", 500),
    /** A dependency (the store) is down or too slow: retryable, SDKs retry it. */
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final String wireCode;
    private final int httpStatus;

    ErrorCode(String wireCode, int httpStatus) {
        this.wireCode = wireCode;
        this.httpStatus = httpStatus;
    }

    public String wireCode() {
        return wireCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The entry for an AWS wire code; internal failure for a code this table does not know. */
    public static ErrorCode ofWireCode(String wireCode) {
        for (ErrorCode code : values()) {
            if (code.wireCode.equals(wireCode)) {
                return code;
            }
        }
        return INTERNAL_FAILURE;
    }

    /** {@code Sender} for the client's faults, {@code Receiver} for ours, as in AWS's error envelope. */
    public String faultType() {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }
}
