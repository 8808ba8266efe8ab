package io.stsgate.testsupport.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Admin REST calls on the {@code stsgate} realm, as the bootstrap admin of the master realm (password grant on
 * {@code admin-cli}; a fresh admin token per call, since they live 60 s).
 */
public final class KeycloakAdmin {

    private static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";
    private static final String SIGNING_ALGORITHM = "RS256";

    private final KeycloakServer server;

    public KeycloakAdmin(KeycloakServer server) {
        this.server = server;
    }

    /** The realm's SAML 2.0 IdP metadata (EntityDescriptor XML). Public; no admin token needed. */
    public String samlIdpDescriptor() {
        return KeycloakHttp.getText(server.samlDescriptorUri(), null, "SAML IdP descriptor");
    }

    /**
     * Points the SAML client {@code urn:stsgate:sp} at {@code acsUrl}: its POST assertion consumer URL and base URL.
     * IdP-initiated SSO sends the Response there, and Keycloak writes it as the Destination and Recipient.
     */
    public void setSamlAssertionConsumerUrl(String acsUrl) {
        String token = adminToken();
        String what = "update the assertion consumer URL of " + StsgateRealm.SAML_ENTITY_ID;
        URI client = realmAdmin("/clients/" + clientUuid(token, StsgateRealm.SAML_ENTITY_ID));
        ObjectNode representation = (ObjectNode) KeycloakHttp.getJson(client, token, what);
        representation.put("baseUrl", acsUrl);
        ObjectNode attributes = representation.path("attributes").isObject()
                ? (ObjectNode) representation.get("attributes")
                : representation.putObject("attributes");
        attributes.put("saml_assertion_consumer_url_post", acsUrl);
        KeycloakHttp.putJson(client, token, representation, what);
    }

    /** Creates a realm from a full representation (settings, clients and users in one request). */
    public void createRealm(JsonNode representation) {
        String what = "create realm " + representation.path("realm").asText();
        KeycloakHttp.postJson(URI.create(server.baseUri() + "/admin/realms"), adminToken(), representation, what);
    }

    /** kid of the key that currently signs RS256 tokens. */
    public String activeSigningKid() {
        return keys(adminToken()).path("active").path(SIGNING_ALGORITHM).asText(null);
    }

    /**
     * Rotates the realm signing key: adds an {@code rsa-generated} key provider with a higher priority than every
     * existing RS256 key, then makes the previously active RS256 providers passive ({@code active=false}).
     */
    public KeyRotation rotateSigningKey() {
        String token = adminToken();
        JsonNode keys = keys(token);
        String previousKid = keys.path("active").path(SIGNING_ALGORITHM).asText(null);
        String previousProviderId = null;
        List<String> activeProviders = new ArrayList<>();
        long highestPriority = 0;
        for (JsonNode key : keys.path("keys")) {
            if (!SIGNING_ALGORITHM.equals(key.path("algorithm").asText())) {
                continue;
            }
            highestPriority = Math.max(highestPriority, key.path("providerPriority").asLong());
            if ("ACTIVE".equals(key.path("status").asText())) {
                activeProviders.add(key.path("providerId").asText());
            }
            if (key.path("kid").asText().equals(previousKid)) {
                previousProviderId = key.path("providerId").asText();
            }
        }

        Map<String, String> config = new LinkedHashMap<>();
        config.put("priority", Long.toString(highestPriority + 100));
        config.put("algorithm", SIGNING_ALGORITHM);
        config.put("keySize", "2048");
        config.put("active", "true");
        config.put("enabled", "true");
        ObjectNode component = KeycloakHttp.JSON.createObjectNode()
                .put("name", "rsa-rotated-" + System.currentTimeMillis())
                .put("providerId", "rsa-generated")
                .put("providerType", KEY_PROVIDER_TYPE)
                .put("parentId", realmId(token));
        component.set("config", componentConfig(config));
        URI created = KeycloakHttp.postJson(realmAdmin("/components"), token, component, "add RSA key provider");
        String path = created.getPath();
        String newProviderId = path.substring(path.lastIndexOf('/') + 1);

        for (String providerId : activeProviders) {
            updateKeyProvider(token, providerId, Map.of("active", "false"), "deactivate key provider");
        }

        String newKid = null;
        for (JsonNode key : keys(token).path("keys")) {
            if (newProviderId.equals(key.path("providerId").asText())) {
                newKid = key.path("kid").asText();
            }
        }
        if (newKid == null) {
            throw new KeycloakException("The new key provider " + newProviderId + " has no key");
        }
        return new KeyRotation(previousKid, previousProviderId, newKid, newProviderId);
    }

    /** Disables a key provider ({@code enabled=false}): its key leaves the JWKS; tokens it signed stop verifying. */
    public void retireKey(String providerId) {
        updateKeyProvider(adminToken(), providerId, Map.of("active", "false", "enabled", "false"),
                "disable key provider");
    }

    private void updateKeyProvider(String token, String providerId, Map<String, String> changes, String what) {
        URI uri = realmAdmin("/components/" + providerId);
        JsonNode component = KeycloakHttp.getJson(uri, token, what);
        if (!KEY_PROVIDER_TYPE.equals(component.path("providerType").asText())) {
            throw new KeycloakException(what + ": component " + providerId + " is not a key provider");
        }
        ObjectNode config = component.path("config").isObject() ? (ObjectNode) component.get("config")
                : ((ObjectNode) component).putObject("config");
        // The component comes back without its private key; Keycloak keeps it when the PUT omits it.
        changes.forEach((name, value) -> config.set(name, KeycloakHttp.JSON.createArrayNode().add(value)));
        KeycloakHttp.putJson(uri, token, component, what);
    }

    private String clientUuid(String token, String clientId) {
        URI uri = realmAdmin("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        JsonNode clients = KeycloakHttp.getJson(uri, token, "find client " + clientId);
        if (!clients.isArray() || clients.size() != 1) {
            throw new KeycloakException("find client " + clientId + ": " + clients.size() + " matches");
        }
        return clients.get(0).path("id").asText();
    }

    private JsonNode keys(String token) {
        return KeycloakHttp.getJson(realmAdmin("/keys"), token, "realm keys");
    }

    private String realmId(String token) {
        return KeycloakHttp.getJson(realmAdmin(""), token, "realm").path("id").asText();
    }

    private static ObjectNode componentConfig(Map<String, String> values) {
        ObjectNode config = KeycloakHttp.JSON.createObjectNode();
        values.forEach((name, value) -> config.set(name, KeycloakHttp.JSON.createArrayNode().add(value)));
        return config;
    }

    private URI realmAdmin(String path) {
        return URI.create(server.baseUri() + "/admin/realms/" + StsgateRealm.NAME + path);
    }

    private String adminToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", server.adminUsername());
        form.put("password", server.adminPassword());
        JsonNode response = KeycloakHttp.postForm(URI.create(server.baseUri()
                + "/realms/master/protocol/openid-connect/token"), form, "admin login");
        return response.path("access_token").asText();
    }
}
