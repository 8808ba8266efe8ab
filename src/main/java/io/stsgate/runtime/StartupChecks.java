package io.stsgate.runtime;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.stsgate.crypto.Keyring;
import io.stsgate.directory.Directory;

/** Loads keyring and directory at start-up, so an invalid file stops start-up instead of the first request. */
@Singleton
public class StartupChecks {

    @Inject
    Keyring keyring;
    @Inject
    Directory directory;

    void onStart(@Observes StartupEvent event) {
        keyring.primary();
        directory.accounts();
    }
}
