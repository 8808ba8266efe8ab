package io.stsgate.identity.sigv4;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link SigV4Verifier#verify}.
 *
 * @param <P> the principal type the {@link CredentialResolver} returns
 */
public sealed interface SigV4Result<P> {

    /**
     * The signature is valid.
     *
     * @param accessKeyId the access key id from the credential scope
     * @param principal what the {@link CredentialResolver} returned for it
     * @param region the region of the credential scope
     * @param signedAt the signing time (X-Amz-Date, or the Date header)
     */
    record Verified<P>(String accessKeyId, P principal, String region, Instant signedAt) implements SigV4Result<P> {

        public Verified {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    /**
     * The request is refused; {@code message} is safe to send to the client (no secret, no session token).
     */
    record Rejected<P>(SigV4Failure failure, String message) implements SigV4Result<P> {

        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(message, "message");
        }

        static <P> Rejected<P> of(SigV4Failure failure) {
            return new Rejected<>(failure, failure.defaultMessage());
        }
    }
}
