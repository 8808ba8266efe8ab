package io.stsgate.identity.saml;

/**
 * Why a SAML Response was refused. Each value maps to an STS error code and a short client-safe message.
 */
public enum SamlFailure {
    /** Bad base64, not XML, not a SAML 2.0 Response, or a required element is missing. */
    MALFORMED("Invalid SAML response"),
    DOCTYPE_FORBIDDEN("Invalid SAML response"),
    TOO_LARGE("SAML response exceeds the maximum size"),
    UNSIGNED("Response or assertion must be signed"),
    /** Signature does not verify with the provider's keys, was changed after signing, or uses a refused algorithm. */
    BAD_SIGNATURE("Response signature invalid"),
    /** Duplicate IDs, several assertions, a signature that does not cover the element used. */
    WRAPPING("Response signature invalid"),
    WRONG_ISSUER("Issuer not present in specified provider"),
    STATUS_NOT_SUCCESS("Response status is not Success"),
    WRONG_DESTINATION("Response destination is not an accepted recipient"),
    WRONG_RECIPIENT("Response does not contain a valid recipient"),
    WRONG_AUDIENCE("Response does not contain the required audience"),
    EXPIRED("Response is expired"),
    NOT_YET_VALID("Response is not yet valid"),
    NO_BEARER_CONFIRMATION("Response must contain exactly one bearer subject confirmation"),
    REPLAYED("Response has already been used"),
    DECRYPTION_FAILED("Assertion could not be decrypted"),
    /** The replay cache (the store) did not answer: nothing is wrong with the assertion, the caller may retry. */
    REPLAY_CHECK_UNAVAILABLE("The service is unavailable. Please try again later");

    private final String clientMessage;

    SamlFailure(String clientMessage) {
        this.clientMessage = clientMessage;
    }

    /**
     * The STS error code: {@code ExpiredTokenException} for {@link #EXPIRED}, {@code ServiceUnavailable} (retryable)
     * for {@link #REPLAY_CHECK_UNAVAILABLE}, otherwise {@code InvalidIdentityToken}.
     */
    public String wireCode() {
        return switch (this) {
            case EXPIRED -> "ExpiredTokenException";
            case REPLAY_CHECK_UNAVAILABLE -> "ServiceUnavailable";
            default -> "InvalidIdentityToken";
        };
    }

    /** HTTP status of {@link #wireCode()}: 503 for {@link #REPLAY_CHECK_UNAVAILABLE}, otherwise 400. */
    public int httpStatus() {
        return this == REPLAY_CHECK_UNAVAILABLE ? 503 : 400;
    }

    /** A short, AWS-like message that reveals nothing about the assertion. */
    public String clientMessage() {
        return clientMessage;
    }
}
