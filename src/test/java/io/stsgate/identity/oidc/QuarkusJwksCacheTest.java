package io.stsgate.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.junit.QuarkusTest;

/** The production {@link JwksCache} is a bean over the Quarkus cache "oidc-jwks". */
@QuarkusTest
class QuarkusJwksCacheTest {

    @Inject
    QuarkusJwksCache jwksCache;

    @Inject
    @CacheName(QuarkusJwksCache.CACHE_NAME)
    Cache cache;

    @Test
    void entriesLiveInTheQuarkusCache() {
        String issuer = "https://cache-test.example.com/realms/x";
        assertThat(jwksCache.get(issuer)).isEmpty();
        CachedJwks entry = new CachedJwks(JwkSet.parse(TestKeys.jwks(TestKeys.ec256("c1"))),
                URI.create(issuer + "/certs"), Instant.now());
        jwksCache.put(issuer, entry);
        assertThat(cache.as(CaffeineCache.class).keySet()).contains(issuer);
        assertThat(jwksCache.get(issuer)).contains(entry);
        cache.invalidate(issuer).await().indefinitely();
        assertThat(jwksCache.get(issuer)).isEmpty();
    }
}
