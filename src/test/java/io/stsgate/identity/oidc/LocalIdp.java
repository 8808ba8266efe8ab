package io.stsgate.identity.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.json.JsonUtil;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.stsgate.identity.oidc.TestKeys.TestKey;

/**
 * A Keycloak-shaped identity provider on 127.0.0.1: discovery at
 * {@code /realms/NAME/.well-known/openid-configuration}, keys at {@code /realms/NAME/protocol/openid-connect/certs},
 * request counters, and switches to fail like a real one does (500, a stalled response, garbage, an oversized body).
 * Any other path counts as a "trap" request: tests point {@code jku} or {@code x5u} headers there and expect zero.
 */
final class LocalIdp implements AutoCloseable {

    enum Mode {
        OK,
        ERROR_500,
        /** Holds every response far longer than the test fetch timeout. */
        STALL,
        GARBAGE
    }

    static final String ACCOUNT = "111122223333";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String realm;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger trapRequests = new AtomicInteger();
    private volatile Mode mode = Mode.OK;
    private volatile String jwks = TestKeys.jwks();
    private volatile String discoveryIssuer;
    private volatile String jwksUri;

    private LocalIdp(String realm) throws IOException {
        this.realm = realm;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-idp-" + realm);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.discoveryIssuer = issuer();
        this.jwksUri = issuer() + "/protocol/openid-connect/certs";
    }

    static LocalIdp start(String realm) {
        try {
            return new LocalIdp(realm);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + realm;
    }

    String arn() {
        return "arn:aws:iam::" + ACCOUNT + ":oidc-provider/127.0.0.1:" + server.getAddress().getPort() + "/realms/"
                + realm;
    }

    /** A URL on this server that serves nothing and counts as a trap request. */
    String trapUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/trap/keys.json";
    }

    LocalIdp keys(TestKey... keys) {
        this.jwks = TestKeys.jwks(keys);
        return this;
    }

    LocalIdp jwksJson(String json) {
        this.jwks = json;
        return this;
    }

    LocalIdp mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** The {@code issuer} the discovery document claims. */
    LocalIdp discoveryIssuer(String issuer) {
        this.discoveryIssuer = issuer;
        return this;
    }

    LocalIdp jwksUri(String uri) {
        this.jwksUri = uri;
        return this;
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    int trapRequests() {
        return trapRequests.get();
    }

    int requests() {
        return discoveryRequests() + jwksRequests() + trapRequests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/realms/" + realm + "/.well-known/openid-configuration")) {
                discoveryRequests.incrementAndGet();
                body = JsonUtil.toJson(Map.of("issuer", discoveryIssuer, "jwks_uri", jwksUri,
                        "authorization_endpoint", issuer() + "/protocol/openid-connect/auth",
                        "id_token_signing_alg_values_supported", java.util.List.of("RS256", "ES256", "EdDSA")));
            } else if (path.equals("/realms/" + realm + "/protocol/openid-connect/certs")) {
                jwksRequests.incrementAndGet();
                body = jwks;
            } else {
                trapRequests.incrementAndGet();
                respond(exchange, 404, "{}");
                return;
            }
            switch (mode) {
                case OK -> respond(exchange, 200, body);
                case ERROR_500 -> respond(exchange, 500, "{\"error\":\"internal\"}");
                case GARBAGE -> respond(exchange, 200, "<html>maintenance</html>");
                case STALL -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    respond(exchange, 200, body);
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to do.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
