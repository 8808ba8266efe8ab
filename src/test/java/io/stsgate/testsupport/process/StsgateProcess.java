package io.stsgate.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged stsgate ({@code target/quarkus-app/quarkus-run.jar}) as a real process, in the production profile:
 * for tests that need several replicas, a restart or a crash. Output goes to {@code target/it-logs/<name>.log}.
 */
public final class StsgateProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> properties;
    private Process process;

    private StsgateProcess(String name, int port, int managementPort, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.properties = properties;
    }

    /** Starts a replica with {@code properties} (system properties: stsgate.*, quarkus.*) and waits until ready. */
    public static StsgateProcess start(String name, Map<String, String> properties) {
        var process = new StsgateProcess(name, Ports.free(), Ports.free(), new LinkedHashMap<>(properties));
        process.launch();
        return process;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The management interface (health, metrics, OpenAPI), on its own port as in production. */
    public URI managementEndpoint() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public String name() {
        return name;
    }

    /** Stops with SIGKILL: no shutdown hook runs, nothing is flushed by the application. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Stops with SIGTERM, as Kubernetes does. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    /** Starts again on the same port with the same configuration. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    private void launch() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " does not exist: run ./mvnw package first "
                    + "(integration tests run after the package phase)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        try {
            Path logs = Files.createDirectories(Path.of("target", "it-logs"));
            Path log = logs.resolve(name + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see "
                        + log.toAbsolutePath());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(managementEndpoint().resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + "; see " + log.toAbsolutePath());
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
