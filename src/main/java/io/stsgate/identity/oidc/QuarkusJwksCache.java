package io.stsgate.identity.oidc;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Singleton;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * {@link JwksCache} on the Quarkus cache {@value #CACHE_NAME} (Caffeine), keyed by issuer. Its size and statistics
 * are configured as for any Quarkus cache ({@code quarkus.cache.caffeine."oidc-jwks".*}); an
 * {@code expire-after-write} shorter than the grace period would shorten the grace period.
 */
@Singleton
public class QuarkusJwksCache implements JwksCache {

    public static final String CACHE_NAME = "oidc-jwks";

    private final CaffeineCache cache;

    public QuarkusJwksCache(@CacheName(CACHE_NAME) Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    @Override
    public Optional<CachedJwks> get(String issuer) {
        CompletableFuture<Object> entry = cache.getIfPresent(issuer);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return entry.getNow(null) instanceof CachedJwks cached ? Optional.of(cached) : Optional.empty();
    }

    @Override
    public void put(String issuer, CachedJwks entry) {
        cache.put(issuer, CompletableFuture.completedFuture(entry));
    }
}
