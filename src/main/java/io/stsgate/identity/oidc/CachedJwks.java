package io.stsgate.identity.oidc;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider's keys as fetched, with where and when.
 *
 * @param keys the parsed keys
 * @param jwksUri the {@code jwks_uri} from the discovery document, reused when an unknown key id forces a refetch
 * @param fetchedAt when the JWKS was fetched; the TTL and the grace period count from here
 */
public record CachedJwks(JwkSet keys, URI jwksUri, Instant fetchedAt) {

    public CachedJwks {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
