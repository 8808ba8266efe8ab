package io.stsgate.api.saml;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsgate.identity.saml.KeycloakSamlResource;

/**
 * {@link KeycloakSamlResource} (Keycloak registered from its metadata, its SAML client pointed at this test server)
 * plus stsgate's public URL on the same port, so the bridge's ACS and the AuthnRequests it sends name this server.
 */
public class KeycloakBridgeResource implements QuarkusTestResourceLifecycleManager {

    private final KeycloakSamlResource keycloak = new KeycloakSamlResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(keycloak.start());
        config.put("stsgate.public-url", "http://localhost:" + config.get("quarkus.http.test-port"));
        return config;
    }

    @Override
    public void stop() {
        keycloak.stop();
    }
}
