package io.stsgate.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.stsgate.crypto.Keyring;
import io.stsgate.directory.Directory;

/**
 * Ready once the keyring and the directory are loaded: then every credential can be issued and verified. The answer
 * names counts only, never a key id: key ids are what an attacker would need to aim at one key.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Keyring keyring;
    @Inject
    Directory directory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("stsgate")
                .status(!keyring.keys().isEmpty() && !directory.accounts().isEmpty())
                .withData("keyringKeys", keyring.keys().size())
                .withData("accounts", directory.accounts().size())
                .build();
    }
}
