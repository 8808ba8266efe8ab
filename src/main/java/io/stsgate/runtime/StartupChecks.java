package io.stsgate.runtime;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.stsgate.access.mapping.Mappings;
import io.stsgate.crypto.Keyring;
import io.stsgate.directory.Directory;
import io.stsgate.identity.saml.SamlAssertionValidator;

/**
 * Loads keyring, directory, the nginx face's mappings and the SAML validator at start-up, so an invalid file, key or
 * setting stops start-up instead of the first request.
 */
@Singleton
public class StartupChecks {

    @Inject
    Keyring keyring;
    @Inject
    Directory directory;
    /** Initialises OpenSAML and reads the SP encryption key now, not on the first SAML request. */
    @Inject
    SamlAssertionValidator samlValidator;
    /** The nginx face's mappings (their S3 domains are checked when they are built). */
    @Inject
    Mappings mappings;

    void onStart(@Observes StartupEvent event) {
        keyring.primary();
        directory.accounts();
        mappings.s3();
    }
}
