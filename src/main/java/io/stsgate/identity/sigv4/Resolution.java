package io.stsgate.identity.sigv4;

import java.util.Objects;

/**
 * What a {@link CredentialResolver} found for an access key id (and session token).
 *
 * @param <P> the principal type
 */
public sealed interface Resolution<P> {

    /** The secret to check the signature with, and the principal to report when it matches. */
    static <P> Resolution<P> resolved(String secretAccessKey, P principal) {
        return new Resolved<>(secretAccessKey, principal);
    }

    /**
     * No usable credential: {@link SigV4Failure#INVALID_CLIENT_TOKEN_ID} for an unknown key or a bad token,
     * {@link SigV4Failure#EXPIRED_TOKEN} for an expired session token.
     */
    static <P> Resolution<P> unresolved(SigV4Failure failure) {
        return new Unresolved<>(failure);
    }

    /** A known credential. toString never shows the secret. */
    record Resolved<P>(String secretAccessKey, P principal) implements Resolution<P> {

        public Resolved {
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "Resolved[secretAccessKey=<redacted>, principal=" + principal + "]";
        }
    }

    /** No usable credential, and why. */
    record Unresolved<P>(SigV4Failure failure) implements Resolution<P> {

        public Unresolved {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
