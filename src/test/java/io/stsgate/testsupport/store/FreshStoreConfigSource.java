package io.stsgate.testsupport.store;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives every test application start an embedded store of its own, so test classes never see each other's directory,
 * replay cache or MFA ledger. Ordinal below application.properties profiles' overrides in test resources.
 */
public final class FreshStoreConfigSource implements ConfigSource {

    private final Map<String, String> properties = Map.of("stsgate.store.path",
            "./target/test-store/" + UUID.randomUUID());

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "stsgate-test-fresh-store";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
