package io.stsgate.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.config.StsgateConfig;
import io.stsgate.identity.saml.InMemoryAssertionReplayCache;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.SamlServiceProviderKeys;
import io.stsgate.identity.saml.ServiceProvider;

/**
 * stsgate's SAML service provider: entity id, accepted recipients, the decryption key when configured, and a replay
 * cache for assertion ids.
 */
@Singleton
public class SamlValidatorSource {

    @Produces
    @Singleton
    SamlAssertionValidator samlAssertionValidator(StsgateConfig config, Clock clock, SamlServiceProviderKeys keys) {
        var saml = config.saml();
        var serviceProvider = new ServiceProvider(saml.entityId(), new LinkedHashSet<>(saml.recipients()),
                keys.decryptionKey());
        return new SamlAssertionValidator(serviceProvider, clock, saml.clockSkew(),
                new InMemoryAssertionReplayCache(clock));
    }
}
