package io.stsgate.identity.oidc;

/** No usable keys for a provider: the fetch failed and no cached copy is within its grace period. */
final class JwksUnavailableException extends RuntimeException {

    JwksUnavailableException(String message) {
        super(message, null, false, false);
    }
}
