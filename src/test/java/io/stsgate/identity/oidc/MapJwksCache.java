package io.stsgate.identity.oidc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The test double of {@link QuarkusJwksCache}: a map, so unit tests run without Quarkus. */
final class MapJwksCache implements JwksCache {

    private final Map<String, CachedJwks> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedJwks> get(String issuer) {
        return Optional.ofNullable(entries.get(issuer));
    }

    @Override
    public void put(String issuer, CachedJwks entry) {
        entries.put(issuer, entry);
    }
}
