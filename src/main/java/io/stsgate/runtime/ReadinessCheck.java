package io.stsgate.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.stsgate.crypto.Keyring;
import io.stsgate.directory.Directory;
import io.stsgate.directory.store.StoreHealth;

/**
 * Ready once the keyring and the directory are loaded, while the store answers: then every credential can be issued
 * and verified. While the store is down, calls that do not need it still work on this replica; the readiness shows the
 * outage ({@code store: down}, since when and why) so it can be monitored and alerted on. The answer names counts
 * only, never a key id: key ids are what an attacker would need to aim at one key.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Keyring keyring;
    @Inject
    Directory directory;
    @Inject
    StoreHealth store;

    @Override
    public HealthCheckResponse call() {
        boolean storeAvailable = store.available();
        var response = HealthCheckResponse.named("stsgate")
                .status(!keyring.keys().isEmpty() && !directory.accounts().isEmpty() && storeAvailable)
                .withData("keyringKeys", keyring.keys().size())
                .withData("accounts", directory.accounts().size())
                .withData("store", storeAvailable ? "up" : "down")
                .withData("storeSince", store.since().toString());
        if (!storeAvailable) {
            response.withData("storeCause", store.cause());
        }
        return response.build();
    }
}
