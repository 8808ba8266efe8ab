package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.stsgate.testsupport.container.Podman;
import io.stsgate.testsupport.container.RequiresPodman;

/**
 * The JVM image, built by the documented command (src/main/docker/build-image.sh) on the base it makes itself, runs
 * with podman as user 185 without a shell, becomes ready, and passes the README's AWS CLI and boto3 walk-through.
 */
@RequiresPodman
class ContainerImageIT {

    private static final String IMAGE = "localhost/stsgate:it";
    private static final String CONTAINER = "stsgate-image-it";
    private static final long MAX_IMAGE_BYTES = 160_000_000L;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    @BeforeAll
    static void buildImage() throws Exception {
        var build = Podman.exec(List.of("bash", "src/main/docker/build-image.sh", "--tag", IMAGE),
                Map.of("PODMAN", String.join(" ", Podman.command())), 900);
        assertThat(build.ok()).as("build-image.sh: %s", build.output()).isTrue();
        System.out.println("[image] " + build.output().strip().replace("\n", "; "));
    }

    @AfterAll
    static void removeImages() throws Exception {
        Podman.run(60, "rm", "--force", "--ignore", CONTAINER);
        Podman.run(120, "rmi", "--all", "--force");
    }

    @Test
    void imageIsSmallAndRunsAsTheNonRootUser() throws Exception {
        var size = Podman.run(30, "image", "inspect", "--format", "{{.Size}}", IMAGE);
        assertThat(size.ok()).as(size.output()).isTrue();
        assertThat(Long.parseLong(size.output().strip())).isLessThan(MAX_IMAGE_BYTES);
        var user = Podman.run(30, "image", "inspect", "--format", "{{.Config.User}}", IMAGE);
        assertThat(user.output().strip()).isEqualTo("185");
    }

    @Test
    void imageHasNoShell() throws Exception {
        var shell = Podman.run(60, runArguments("--rm", "--entrypoint", "/bin/sh", IMAGE, "-c", "true"));
        assertThat(shell.ok()).as("a shell ran in the image: %s", shell.output()).isFalse();
        assertThat(shell.output()).contains("/bin/sh");
    }

    @Test
    void containerBecomesReadyAndPassesTheWalkThrough() throws Exception {
        int port = freePort();
        int managementPort = freePort();
        long started = System.nanoTime();
        var run = Podman.run(120, runArguments("--detach", "--name", CONTAINER, "--network", "host", "--env",
                "QUARKUS_PROFILE=demo", "--env", "QUARKUS_HTTP_PORT=" + port, "--env",
                "QUARKUS_MANAGEMENT_PORT=" + managementPort, IMAGE));
        assertThat(run.ok()).as(run.output()).isTrue();
        try {
            URI management = URI.create("http://127.0.0.1:" + managementPort);
            Duration ready = awaitReady(management, started);
            System.out.println("[image] ready after " + ready.toMillis() + " ms (podman run to /q/health/ready)");

            var pid = Podman.run(30, "inspect", "--format", "{{.State.Pid}}", CONTAINER);
            String status = Files.readString(Path.of("/proc", pid.output().strip(), "status"));
            assertThat(status).containsPattern("(?m)^Uid:\\s+185\\s+185\\s+185\\s+185$");

            String logs = String.join(" ", Podman.command()) + " logs " + CONTAINER;
            var walkThrough = Podman.exec(List.of("bash", "src/test/smoke/walkthrough.sh"),
                    Map.of("STSGATE_ENDPOINT", "http://127.0.0.1:" + port, "STSGATE_MANAGEMENT",
                            management.toString(), "STSGATE_LOGS_COMMAND", logs),
                    300);
            assertThat(walkThrough.output()).contains("smoke: the README walk-through passed");
            assertThat(walkThrough.ok()).as(walkThrough.output()).isTrue();
        } finally {
            Podman.run(60, "rm", "--force", CONTAINER);
        }
    }

    /** The sandbox lacks CAP_SYS_RESOURCE: podman must be given limits at or below the current ones. */
    private static String[] runArguments(String... rest) {
        var arguments = new ArrayList<>(List.of("run", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"));
        arguments.addAll(List.of(rest));
        return arguments.toArray(String[]::new);
    }

    private static Duration awaitReady(URI management, long started) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = http.send(HttpRequest.newBuilder(management.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            var state = Podman.run(30, "inspect", "--format", "{{.State.Running}}", CONTAINER);
            if (!state.output().strip().equals("true")) {
                var logs = Podman.run(30, "logs", CONTAINER);
                throw new AssertionError("the container stopped before it was ready:\n" + logs.output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + READY_TIMEOUT + ": "
                + Podman.run(30, "logs", CONTAINER).output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
