package io.stsgate.testsupport.keycloak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real Keycloak with the {@code stsgate} realm imported, started from the distribution in
 * {@code target/keycloak} with a Java 21+ runtime, on free loopback ports.
 * <p>
 * Starting takes a minute or more, so tests share one instance per JVM through {@link #shared()}; a JVM
 * shutdown hook (and a watchdog, should the JVM be killed) stops it. Tests must not {@link #close()} the shared
 * server.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Seconds to wait for the realm to be served; system property {@code keycloak.startup.timeout}. */
    private static final Duration STARTUP_TIMEOUT = Duration
            .ofSeconds(Long.getLong("keycloak.startup.timeout", 180));
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String ADMIN_USERNAME = "admin";

    private static final Object SHARED_LOCK = new Object();
    private static final Set<KeycloakServer> RUNNING = ConcurrentHashMap.newKeySet();
    /** Starts tried when a chosen port turns out taken. */
    private static final int PORT_ATTEMPTS = 3;
    private static KeycloakServer shared;
    private static KeycloakException sharedFailure;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stopAll, "keycloak-shutdown"));
    }

    private final KeycloakProcess process;
    private final URI baseUri;
    private final int port;
    private final int managementPort;
    private final Path runDirectory;
    private final String version;
    private final String adminPassword;
    private volatile Duration startupTime;

    private KeycloakServer(KeycloakProcess process, int port, int managementPort, Path runDirectory, String version,
            String adminPassword) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.baseUri = URI.create("http://127.0.0.1:" + port);
        this.runDirectory = runDirectory;
        this.version = version;
        this.adminPassword = adminPassword;
    }

    /** The Keycloak shared by all tests of this JVM, started on first use. A failed start is not retried. */
    public static KeycloakServer shared() {
        synchronized (SHARED_LOCK) {
            if (sharedFailure != null) {
                throw new KeycloakException("Keycloak failed to start earlier in this JVM: "
                        + sharedFailure.getMessage(), sharedFailure);
            }
            if (shared == null) {
                try {
                    shared = start();
                } catch (KeycloakException e) {
                    sharedFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /** A dedicated Keycloak (for tests that change the realm destructively); the caller closes it. */
    public static KeycloakServer start() {
        return start(Map.of());
    }

    /**
     * A dedicated Keycloak whose JVM heap is bounded by {@code heapOptions} (e.g. {@code -Xmx384m}): kc.sh's
     * {@code JAVA_OPTS_KC_HEAP}, which replaces only its default heap bounds ({@code -Xms64m -Xmx512m} outside a
     * container) and keeps its other JVM options. The caller closes it.
     */
    public static KeycloakServer startWithHeap(String heapOptions) {
        if (heapOptions == null || heapOptions.isBlank()) {
            throw new IllegalArgumentException("heap options must not be blank, e.g. -Xmx384m");
        }
        return start(Map.of("JAVA_OPTS_KC_HEAP", heapOptions));
    }

    /**
     * The ports are free when chosen but Keycloak binds them seconds later, after its boot: on a busy machine another
     * process (a client's ephemeral port) can take one meanwhile. That start is repeated on new ports.
     */
    private static KeycloakServer start(Map<String, String> jvmEnvironment) {
        for (int attempt = 1;; attempt++) {
            try {
                return startOnce(jvmEnvironment);
            } catch (KeycloakException e) {
                if (attempt == PORT_ATTEMPTS || e.getMessage() == null
                        || !e.getMessage().contains("Port already bound")) {
                    throw e;
                }
                System.out.println("[keycloak] a port chosen for Keycloak was taken before it bound it; again on new "
                        + "ports");
            }
        }
    }

    private static KeycloakServer startOnce(Map<String, String> jvmEnvironment) {
        long started = System.nanoTime();
        KeycloakDistribution distribution = KeycloakDistribution.locate().orElseThrow(() -> new KeycloakException(
                "No Keycloak distribution in " + KeycloakDistribution.searchDirectory()
                        + "; run ./mvnw generate-test-resources (execution unpack-keycloak)"));
        Path javaHome = KeycloakJava.home();
        distribution.ensureBuilt(javaHome);

        int[] ports = freePorts(2);
        Path run = KeycloakRunDirectory.create(distribution, StsgateRealm.realmFile());
        String adminPassword = UUID.randomUUID().toString();
        String base = "http://127.0.0.1:" + ports[0];
        List<String> command = List.of("/bin/sh", run.resolve("bin/kc.sh").toString(),
                "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + ports[0],
                "--hostname=" + base,
                "--http-management-port=" + ports[1],
                "--cache=local",
                "--import-realm");
        Map<String, String> environment = new HashMap<>(KeycloakProcess.environment(javaHome));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        environment.putAll(jvmEnvironment);

        KeycloakProcess process = KeycloakProcess.launch(run, command, environment, run.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(process, ports[0], ports[1], run, distribution.version(),
                adminPassword);
        RUNNING.add(server);
        try {
            server.awaitRealm(STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.startupTime = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[keycloak] Keycloak %s (Java at %s) serves %s after %.1f s; log: %s%n", server.version,
                javaHome, server.issuer(), server.startupTime.toMillis() / 1000.0, process.log());
        return server;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return port;
    }

    /** Port of the management interface ({@code /health/ready}, {@code /health/live}). */
    public int managementPort() {
        return managementPort;
    }

    /** {@code http://127.0.0.1:PORT/realms/stsgate}: the {@code iss} of every token of the realm. */
    public String issuer() {
        return baseUri + "/realms/" + StsgateRealm.NAME;
    }

    public URI discoveryUri() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    public URI samlDescriptorUri() {
        return URI.create(issuer() + "/protocol/saml/descriptor");
    }

    public String version() {
        return version;
    }

    /** From the call to {@link #start()} until the realm was served, including a first {@code kc.sh build}. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Process id of Keycloak's JVM (a child of kc.sh), for its CPU time and memory in /proc. */
    public long jvmPid() {
        return process.javaPid().orElseThrow(() -> new KeycloakException("No Keycloak JVM under " + process.pid()));
    }

    /** Keycloak's own log of this run. */
    public Path logFile() {
        return process.log();
    }

    public Path runDirectory() {
        return runDirectory;
    }

    public KeycloakTokens tokens() {
        return new KeycloakTokens(this);
    }

    /** Real signed SAML Responses through IdP-initiated SSO and the login form. */
    public KeycloakSamlLogin samlLogin() {
        return new KeycloakSamlLogin(this);
    }

    public KeycloakAdmin admin() {
        return new KeycloakAdmin(this);
    }

    String adminUsername() {
        return ADMIN_USERNAME;
    }

    String adminPassword() {
        return adminPassword;
    }

    /** Stops Keycloak and every process it started. Idempotent. */
    @Override
    public void close() {
        synchronized (SHARED_LOCK) {
            if (shared == this) {
                shared = null;
            }
        }
        if (RUNNING.remove(this)) {
            process.stop(STOP_GRACE);
        }
    }

    private void awaitRealm(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = discoveryUri();
        while (true) {
            if (!process.isAlive()) {
                throw new KeycloakException("Keycloak exited during start-up; last lines of " + process.log() + ":\n"
                        + process.logTail(40));
            }
            if (KeycloakHttp.probe(discovery, Duration.ofSeconds(5)) == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new KeycloakException("Keycloak did not serve " + discovery + " within " + timeout.toSeconds()
                        + " s (system property keycloak.startup.timeout); last lines of " + process.log() + ":\n"
                        + process.logTail(40));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakException("Interrupted while waiting for Keycloak", e);
            }
        }
    }

    private static void stopAll() {
        for (KeycloakServer server : List.copyOf(RUNNING)) {
            server.close();
        }
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new KeycloakException("No free local port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing holds it any more
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + version + " at " + baseUri;
    }
}
