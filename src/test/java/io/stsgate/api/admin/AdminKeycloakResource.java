package io.stsgate.api.admin;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.testsupport.keycloak.KeycloakServer;

/**
 * Starts the shared Keycloak (realm {@code stsgate} from {@code realms/}) and turns the admin API on against it, as a
 * deployment does: the realm's issuer as {@code quarkus.oidc.auth-server-url} and the tenant enabled.
 */
public class AdminKeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.shared().issuer(),
                "quarkus.oidc.tenant-enabled", "true");
    }

    @Override
    public void stop() {
        // The shared Keycloak serves every test class of this JVM and stops with it.
    }
}
