package io.stsgate.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.store.JdbcOneTimeUse;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.ServiceProvider;

/**
 * stsgate's SAML service provider: entity id, accepted recipients, and the replay cache for assertion ids, shared
 * through the store by every replica.
 */
@Singleton
public class SamlValidatorSource {

    @Produces
    @Singleton
    SamlAssertionValidator samlAssertionValidator(StsgateConfig config, Clock clock, JdbcOneTimeUse oneTimeUse) {
        var saml = config.saml();
        var serviceProvider = new ServiceProvider(saml.entityId(), new LinkedHashSet<>(saml.recipients()),
                Optional.empty());
        return new SamlAssertionValidator(serviceProvider, clock, saml.clockSkew(),
                oneTimeUse::firstUse);
    }
}
