package io.stsgate.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.api.saml.BridgeUrls;
import io.stsgate.api.saml.PendingSignIns;
import io.stsgate.config.StsgateConfig;
import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.store.JdbcOneTimeUse;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.SamlServiceProviderKeys;
import io.stsgate.identity.saml.ServiceProvider;

/**
 * stsgate's SAML side: the validator (entity id, accepted recipients: the configured ones and the browser sign-in's
 * ACS, the decryption key when configured, the replay cache for assertion ids) and the browser sign-in's
 * continuations, both shared through the store by every replica.
 */
@Singleton
public class SamlSource {

    @Produces
    @Singleton
    SamlAssertionValidator samlAssertionValidator(StsgateConfig config, Clock clock, SamlServiceProviderKeys keys,
            JdbcOneTimeUse oneTimeUse) {
        var saml = config.saml();
        var recipients = new LinkedHashSet<>(saml.recipients());
        // The browser sign-in's ACS is published in the SP metadata, so assertions addressed to it are ours.
        recipients.add(BridgeUrls.of(config.publicUrl()).acs());
        var serviceProvider = new ServiceProvider(saml.entityId(), recipients, keys.decryptionKey());
        return new SamlAssertionValidator(serviceProvider, clock, saml.clockSkew(),
                oneTimeUse::firstUse);
    }

    /** The browser sign-in's continuations: sealed with the keyring, spent once in the shared one-time-id store. */
    @Produces
    @Singleton
    PendingSignIns pendingSignIns(Keyring keyring, Clock clock, JdbcOneTimeUse oneTimeUse) {
        return new PendingSignIns(new TokenSealer(keyring, KeyPurpose.SAML_SIGN_IN), clock, oneTimeUse::firstUse);
    }
}
