package io.stsgate.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.stsgate.access.mapping.Mappings;
import io.stsgate.crypto.Keyring;
import io.stsgate.directory.Directory;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.vertx.ext.web.Router;

/**
 * Loads keyring, directory, the nginx face's mappings and the SAML validator at start-up, so an invalid file, key or
 * setting stops start-up instead of the first request, and the first request of every action finds them ready.
 * <p>
 * OpenSAML's initialisation (a second or more of class loading, no I/O) and the store's opening (Flyway's migration,
 * then the directory) do not depend on each other, so OpenSAML initialises on its own thread, started at the first
 * moment application code runs: when Quarkus builds the HTTP router, before the router's observers (the audit trail
 * behind {@code MissingHostAnswer} opens the store there) and long before {@link StartupEvent}. The checks wait for it
 * at the end. On two cores that takes most of it off the start-up's path.
 */
@Singleton
public class StartupChecks {

    private CompletableFuture<Void> openSaml;

    void beginOpenSaml(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        beginOpenSaml();
    }

    private synchronized CompletableFuture<Void> beginOpenSaml() {
        if (openSaml == null) {
            openSaml = CompletableFuture.runAsync(SamlAssertionValidator::initialiseOpenSaml, task -> {
                Thread thread = new Thread(task, "stsgate-opensaml-init");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return openSaml;
    }

    /** Arguments, not fields: they are created when this runs, after OpenSAML's initialisation has started. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event, Keyring keyring,
            Directory directory, Mappings mappings, Instance<SamlAssertionValidator> saml) {
        keyring.primary();
        directory.accounts();
        mappings.s3();
        try {
            beginOpenSaml().join();
        } catch (CompletionException e) {
            // The initialiser's own error (ExceptionInInitializerError and its cause), not the future's wrapper.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        // Reads the SP decryption key and checks the SAML settings; OpenSAML is ready by now.
        saml.get();
    }
}
