package io.stsgate.identity.oidc;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why quarkus-oidc refused a bearer token of the admin and decision APIs, read from jose4j's error codes in the
 * failure's causes. Only the codes are read: jose4j's messages quote the token's claims and are never passed on.
 */
public enum BearerTokenFault {
    EXPIRED,
    OTHER_AUDIENCE,
    /** Malformed, a signature that does not verify, another issuer, or a failure without jose4j's details. */
    INVALID;

    public static BearerTokenFault of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return EXPIRED;
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return OTHER_AUDIENCE;
                }
                return INVALID;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return INVALID;
    }
}
