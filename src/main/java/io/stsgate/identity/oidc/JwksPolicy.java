package io.stsgate.identity.oidc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpJwksSource} fetches and keeps provider keys.
 *
 * @param cacheTtl how long fetched keys are used before they are fetched again
 * @param unknownKidRefetchInterval at most one fetch per issuer in this interval because of an unknown key id, and
 *        no new attempt in this interval after a failed fetch
 * @param gracePeriod how long after their fetch the last good keys stay usable while the provider is unreachable
 * @param fetchTimeout for one discovery or JWKS request, headers and body
 * @param maxJwksBytes the largest discovery or JWKS document accepted
 */
public record JwksPolicy(Duration cacheTtl, Duration unknownKidRefetchInterval, Duration gracePeriod,
        Duration fetchTimeout, int maxJwksBytes) {

    public static final JwksPolicy DEFAULTS = new JwksPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30),
            Duration.ofHours(24), Duration.ofSeconds(5), 256 * 1024);

    public JwksPolicy {
        positive(cacheTtl, "cacheTtl");
        positive(unknownKidRefetchInterval, "unknownKidRefetchInterval");
        positive(gracePeriod, "gracePeriod");
        positive(fetchTimeout, "fetchTimeout");
        if (gracePeriod.compareTo(cacheTtl) < 0) {
            throw new IllegalArgumentException("gracePeriod must be at least cacheTtl");
        }
        if (maxJwksBytes < 1024) {
            throw new IllegalArgumentException("maxJwksBytes must be at least 1024: " + maxJwksBytes);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
