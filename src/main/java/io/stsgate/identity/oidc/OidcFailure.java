package io.stsgate.identity.oidc;

/**
 * Why a web identity token was refused: the AWS wire code, the HTTP status and a short message that is safe to send
 * to the client. The precise reason goes into {@link TokenVerification.Rejected#detail()} for the audit log.
 */
public enum OidcFailure {
    MALFORMED(Codes.INVALID_IDENTITY_TOKEN, "The web identity token is not a valid signed JWT"),
    UNKNOWN_ISSUER(Codes.INVALID_IDENTITY_TOKEN, "No OpenIDConnect provider found in your account for the token issuer"),
    /** {@code none}, HMAC, an algorithm the provider does not allow, or one that does not fit the key's type. */
    ALGORITHM_NOT_ALLOWED(Codes.INVALID_IDENTITY_TOKEN, "The token signing algorithm is not allowed"),
    UNKNOWN_KEY(Codes.INVALID_IDENTITY_TOKEN, "Couldn't retrieve verification key from your identity provider, "
            + " please reference AssumeRoleWithWebIdentity documentation for requirements"),
    /** A {@code kid} header that is not a plain key id: too long, path traversal, quotes, spaces, control chars. */
    KEY_ID_INVALID(Codes.INVALID_IDENTITY_TOKEN, "The token key id (kid) is invalid"),
    /** An RSA key under 2048 bits. */
    WEAK_KEY(Codes.INVALID_IDENTITY_TOKEN, "The verification key from your identity provider is too weak"),
    BAD_SIGNATURE(Codes.INVALID_IDENTITY_TOKEN, "The token signature is invalid"),
    EXPIRED(Codes.EXPIRED_TOKEN, "Token expired"),
    NOT_YET_VALID(Codes.INVALID_IDENTITY_TOKEN, "Token is not yet valid (nbf)"),
    ISSUED_IN_FUTURE(Codes.INVALID_IDENTITY_TOKEN, "Token was issued in the future (iat)"),
    /** The provider's maximum token age is exceeded. */
    TOKEN_TOO_OLD(Codes.EXPIRED_TOKEN, "Token too old"),
    MISSING_AUDIENCE(Codes.INVALID_IDENTITY_TOKEN, "Missing a required claim: aud"),
    WRONG_AUDIENCE(Codes.INVALID_IDENTITY_TOKEN, "Incorrect token audience"),
    MISSING_SUBJECT(Codes.INVALID_IDENTITY_TOKEN, "Missing a required claim: sub"),
    /** More than {@link OidcIssuers#MAX_TOKEN_LENGTH} characters. */
    TOO_LARGE("ValidationError", "1 validation error detected: Value at 'webIdentityToken' failed to satisfy"
            + " constraint: Member must have length less than or equal to " + OidcIssuers.MAX_TOKEN_LENGTH),
    /** The keys could not be fetched and no cached copy is usable any more; the client may retry. */
    IDP_UNREACHABLE("IDPCommunicationError", "The identity provider could not be reached to verify the token."
            + " This is often a transient error; retry the request.");

    private final String wireCode;
    private final String clientMessage;

    OidcFailure(String wireCode, String clientMessage) {
        this.wireCode = wireCode;
        this.clientMessage = clientMessage;
    }

    /** The {@code <Code>} of the AWS error response. */
    public String wireCode() {
        return wireCode;
    }

    /** Every one of these is a sender fault answered with 400, as AWS does. */
    public int httpStatus() {
        return 400;
    }

    /** The generic client-safe message; {@link TokenVerification.Rejected#clientMessage()} may be more specific. */
    public String clientMessage() {
        return clientMessage;
    }

    /** Whether the client may succeed by retrying the same token (botocore retries IDPCommunicationError). */
    public boolean retryable() {
        return this == IDP_UNREACHABLE;
    }

    private static final class Codes {
        static final String INVALID_IDENTITY_TOKEN = "InvalidIdentityToken";
        static final String EXPIRED_TOKEN = "ExpiredTokenException";
    }
}
