package io.stsgate.testsupport.keycloak;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Tokens from the {@code stsgate} realm, obtained the way a test needs them (no browser). */
public final class KeycloakTokens {

    private final KeycloakServer server;

    public KeycloakTokens(KeycloakServer server) {
        this.server = server;
    }

    /** ID token of a password grant on {@code stsgate-web} with scope {@code openid} ({@code aud=stsgate-web}). */
    public String idTokenForPassword(String username, String password) {
        return field(passwordGrant(username, password), "id_token", "password grant for " + username);
    }

    public String idTokenFor(KeycloakUser user) {
        return idTokenForPassword(user.username(), user.password());
    }

    /** Access token of a password grant on {@code stsgate-web} (realm roles in {@code realm_access.roles}). */
    public String accessTokenForPassword(String username, String password) {
        return field(passwordGrant(username, password), "access_token", "password grant for " + username);
    }

    public String accessTokenFor(KeycloakUser user) {
        return accessTokenForPassword(user.username(), user.password());
    }

    /**
     * Access token of the client credentials grant on {@code stsgate-service} (there is no ID token for that
     * grant). A hardcoded audience mapper puts {@code stsgate} into its {@code aud}.
     */
    public String clientCredentialsToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", StsgateRealm.SERVICE_CLIENT_ID);
        form.put("client_secret", StsgateRealm.SERVICE_CLIENT_SECRET);
        String what = "client credentials grant for " + StsgateRealm.SERVICE_CLIENT_ID;
        return field(KeycloakHttp.postForm(server.tokenEndpoint(), form, what), "access_token", what);
    }

    private JsonNode passwordGrant(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", StsgateRealm.WEB_CLIENT_ID);
        form.put("scope", "openid");
        form.put("username", username);
        form.put("password", password);
        return KeycloakHttp.postForm(server.tokenEndpoint(), form, "password grant for " + username);
    }

    private static String field(JsonNode response, String name, String what) {
        JsonNode value = response.get(name);
        if (value == null || !value.isTextual()) {
            throw new KeycloakException(what + ": no " + name + " in the token response");
        }
        return value.asText();
    }
}
