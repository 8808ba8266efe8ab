package io.stsgate.identity.sigv4;

/** Why a signed request was refused, with the AWS wire code, the HTTP status and the default AWS message. */
public enum SigV4Failure {
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403, "Request is missing Authentication Token"),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400, "The request signature does not conform to AWS standards."),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403, "The security token included in the request is invalid."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
                    + " Access Key and signing method. Consult the service documentation for details."),
    EXPIRED_TOKEN("ExpiredToken", 403, "The security token included in the request is expired"),
    REQUEST_EXPIRED("RequestExpired", 400, "Request has expired");

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;

    SigV4Failure(String code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The {@code <Code>} of the AWS error response. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The message AWS sends when nothing more specific applies. */
    public String defaultMessage() {
        return defaultMessage;
    }
}
