package io.stsgate.identity.oidc;

import java.util.Optional;

/**
 * The store behind {@link HttpJwksSource}: the latest fetched keys per issuer. Production uses
 * {@link QuarkusJwksCache} (the Quarkus cache {@value QuarkusJwksCache#CACHE_NAME}); freshness is decided by
 * {@link HttpJwksSource} from {@link CachedJwks#fetchedAt()}, so the store needs no expiry of its own. Only
 * successful fetches are ever stored.
 */
public interface JwksCache {

    /** The entry for {@code issuer}, without blocking. */
    Optional<CachedJwks> get(String issuer);

    void put(String issuer, CachedJwks entry);
}
