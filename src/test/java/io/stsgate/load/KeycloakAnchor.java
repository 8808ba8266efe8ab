package io.stsgate.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.testsupport.TestSigner;
import io.stsgate.testsupport.keycloak.DecodedJwt;
import io.stsgate.testsupport.keycloak.KeycloakServer;

/**
 * The load suite's anchor ({@code src/test/load/run.sh --keycloak}): the Keycloak distribution the tests use, set up
 * for Keycloak's standard token exchange (V2, RFC 8693), so that stsgate's rate is compared with Keycloak's measured
 * in the same run rather than remembered.
 *
 * <pre>
 * KeycloakAnchor DIR OWNER_PID HEAP   starts Keycloak with its heap bounded by HEAP (e.g. -Xmx384m), creates the realm,
 *                                     writes DIR/keycloak-exchange.requests and then DIR/keycloak.ready (endpoint, pid
 *                                     of Keycloak's JVM, version); runs until terminated or until OWNER_PID is gone,
 *                                     and stops Keycloak on the way out
 * </pre>
 *
 * Realm {@code load} ({@code load/keycloak-exchange-realm.json}): users sign in with the password grant at the public
 * client {@code load-frontend}, whose access tokens name {@code load-exchanger} in {@code aud}; the confidential
 * {@code load-exchanger}, with standard token exchange enabled, exchanges them for access tokens whose audience is
 * {@code load-backend}. The subject tokens live for an hour and may be presented again: every request is a whole
 * exchange (client authentication, token verification, user session lookup, a new signed token).
 */
public final class KeycloakAnchor {

    static final String FLOW = "keycloak-exchange";

    private static final String REALM = "load";
    private static final String REALM_RESOURCE = "/load/keycloak-exchange-realm.json";
    private static final String FRONTEND = "load-frontend";
    private static final String EXCHANGER = "load-exchanger";
    private static final String EXCHANGER_SECRET = "load-exchanger-secret";
    private static final String BACKEND = "load-backend";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    /** Users of the realm; each signs in {@link #SUBJECT_TOKENS} / USERS times, a user session per sign-in. */
    private static final int USERS = 20;
    /** As many requests as a stsgate flow's file holds (run.sh's pool_size). */
    private static final int SUBJECT_TOKENS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;

    private KeycloakAnchor(KeycloakServer server) {
        this.tokenEndpoint = URI.create(server.baseUri() + "/realms/" + REALM + "/protocol/openid-connect/token");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: KeycloakAnchor DIR OWNER_PID HEAP_OPTIONS");
        }
        Path dir = Path.of(args[0]);
        ProcessHandle owner = ProcessHandle.of(Long.parseLong(args[1]))
                .orElseThrow(() -> new IllegalArgumentException("no process " + args[1] + " to run for"));
        Path ready = dir.resolve("keycloak.ready");
        Files.deleteIfExists(ready);
        // A shutdown hook of KeycloakServer stops Keycloak when this JVM is terminated; its watchdog, when killed.
        try (KeycloakServer server = KeycloakServer.startWithHeap(args[2])) {
            server.admin().createRealm(realm());
            var anchor = new KeycloakAnchor(server);
            List<String> subjectTokens = anchor.subjectTokens();
            anchor.checkExchange(subjectTokens.get(0));
            List<String> lines = subjectTokens.stream().map(token -> anchor.exchange(token).line()).toList();
            Files.write(dir.resolve(FLOW + ".requests"), lines);
            Path written = dir.resolve("keycloak.ready.tmp");
            Files.writeString(written, "keycloak_endpoint=" + server.baseUri() + "\nkeycloak_pid=" + server.jvmPid()
                    + "\nkeycloak_version=" + server.version() + "\n");
            Files.move(written, ready, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("[anchor] realm %s: %d subject tokens of %d users; exchanges at %s%n", REALM,
                    subjectTokens.size(), USERS, anchor.tokenEndpoint);
            owner.onExit().join();
        }
    }

    /** The realm of the resource, with its users. */
    private static ObjectNode realm() throws IOException {
        ObjectNode realm;
        try (InputStream in = KeycloakAnchor.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + REALM_RESOURCE + " on the class path");
            }
            realm = (ObjectNode) JSON.readTree(in);
        }
        ArrayNode users = realm.putArray("users");
        for (int i = 0; i < USERS; i++) {
            ObjectNode user = users.addObject()
                    .put("username", username(i))
                    .put("email", username(i) + "@load.test")
                    .put("firstName", "Load")
                    .put("lastName", "User " + i)
                    .put("emailVerified", true)
                    .put("enabled", true);
            user.putArray("credentials").addObject().put("type", "password").put("value", password(i))
                    .put("temporary", false);
        }
        return realm;
    }

    /** Access tokens of {@code load-frontend}, one password-grant sign-in each, the users taking turns. */
    private List<String> subjectTokens() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SUBJECT_TOKENS; i++) {
            int user = i % USERS;
            JsonNode response = post(form(Map.of("grant_type", "password", "client_id", FRONTEND,
                    "username", username(user), "password", password(user))), "password grant for " + username(user));
            tokens.add(response.path("access_token").asText());
        }
        return tokens;
    }

    /** One exchange before the load, so that a realm Keycloak refuses fails here, with its reason. */
    private void checkExchange(String subjectToken) {
        LoadRequest request = exchange(subjectToken);
        JsonNode response = post(request.body(), "standard token exchange");
        List<String> audiences = DecodedJwt.decode(response.path("access_token").asText()).audiences();
        if (!audiences.contains(BACKEND)) {
            throw new IllegalStateException("the exchanged token's audience is " + audiences + ", not " + BACKEND);
        }
    }

    private LoadRequest exchange(String subjectToken) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        fields.put("client_id", EXCHANGER);
        fields.put("client_secret", EXCHANGER_SECRET);
        fields.put("subject_token", subjectToken);
        fields.put("subject_token_type", ACCESS_TOKEN_TYPE);
        fields.put("requested_token_type", ACCESS_TOKEN_TYPE);
        fields.put("audience", BACKEND);
        return new LoadRequest("POST", tokenEndpoint.getPath(), form(fields), Map.of("Content-Type", TestSigner.FORM));
    }

    /** POSTs a form to the token endpoint; anything but a 200 fails with Keycloak's error (never a token). */
    private JsonNode post(String form, String what) {
        var request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", TestSigner.FORM).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json(response.body());
            if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
                throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
                        + body.path("error").asText("") + " " + body.path("error_description").asText(""));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    /** The response as JSON; an error page that is not JSON reads as an empty object. */
    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String username(int i) {
        return "load-user-" + i;
    }

    /** Test-only passwords of a throw-away realm on loopback. */
    private static String password(int i) {
        return "load-password-" + i;
    }
}
