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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.stsgate.testsupport.JvmOptions;
import io.stsgate.testsupport.container.Podman;
import io.stsgate.testsupport.container.RequiresPodman;

/**
 * The JVM image, built by the documented command (src/main/docker/build-image.sh) on the base it makes itself, runs
 * with podman as user 185 without a shell, becomes ready, and passes the README's AWS CLI and boto3 walk-through.
 */
@RequiresPodman
class ContainerImageIT {

    private static final String IMAGE = "localhost/stsgate:it";
    private static final String AOT_IMAGE = "localhost/stsgate:it-aot";
    private static final String APPCDS_IMAGE = "localhost/stsgate:it-appcds";
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
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
        Podman.run(60, "rm", "--force", "--ignore", CONTAINER, CONTAINER + "-aot", CONTAINER + "-appcds");
        Podman.run(120, "rmi", "--all", "--force");
    }

    /**
     * The fast-start variant: a Java 25 base and the AOT cache of a training run. {@code AOTMode=on} makes the JVM
     * refuse to start when it cannot use the cache, so ready here means the cache was used.
     */
    @Test
    void aotImageStartsWithItsCache() throws Exception {
        if (!Files.isExecutable(JDK_25.resolve("bin/jlink"))) {
            assertThat(Boolean.getBoolean("podman.required")).as("podman.required is set, but there is no JDK 25 at %s",
                    JDK_25).isFalse();
            Assumptions.abort("SKIPPED: no Temurin 25 JDK at " + JDK_25);
        }
        var build = Podman.exec(
                List.of("bash", "src/main/docker/build-image.sh", "--tag", AOT_IMAGE, "--jdk", JDK_25.toString(),
                        "--aot"),
                Map.of("PODMAN", String.join(" ", Podman.command())), 900);
        assertThat(build.ok()).as("build-image.sh --aot: %s", build.output()).isTrue();
        System.out.println("[image] " + build.output().strip().replace("\n", "; "));
        startsReady(AOT_IMAGE, CONTAINER + "-aot", "-XX:AOTMode=on", "AOT image");
    }

    /**
     * The Java 17 image with an AppCDS archive of a training run ({@code --aot} on Java 17). {@code -Xshare:on} makes
     * the JVM refuse to start when it cannot map the archive, so ready here means the archive was used.
     */
    @Test
    void appCdsImageStartsWithItsArchive() throws Exception {
        var build = Podman.exec(List.of("bash", "src/main/docker/build-image.sh", "--tag", APPCDS_IMAGE, "--aot"),
                Map.of("PODMAN", String.join(" ", Podman.command())), 900);
        assertThat(build.ok()).as("build-image.sh --aot: %s", build.output()).isTrue();
        assertThat(build.output()).contains("AppCDS archive");
        System.out.println("[image] " + build.output().strip().replace("\n", "; "));
        startsReady(APPCDS_IMAGE, CONTAINER + "-appcds", "-Xshare:on", "AppCDS image");
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
            Duration ready = awaitReady(management, started, CONTAINER);
            System.out.println("[image] ready after " + ready.toMillis() + " ms (podman run to /q/health/ready)");

            var pid = Podman.run(30, "inspect", "--format", "{{.State.Pid}}", CONTAINER);
            String status = Files.readString(Path.of("/proc", pid.output().strip(), "status"));
            assertThat(status).containsPattern("(?m)^Uid:\\s+185\\s+185\\s+185\\s+185$");

            // The image's JVM runs with the shipped memory bounds (JDK_JAVA_OPTIONS=@/deployments/jvm.options).
            JvmOptions bounds = JvmOptions.shipped();
            String metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(management.resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(memoryMax(metrics, "heap")).isBetween(bounds.heap() / 2, bounds.heap());
            assertThat(memoryMax(metrics, "nonheap", "Metaspace")).isEqualTo(bounds.metaspace());
            assertThat(memoryMax(metrics, "nonheap", "CodeCache")).isEqualTo(bounds.codeCache());

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

    /** The sum of Micrometer's jvm_memory_max_bytes over an area's pools (or the named pool). */
    private static long memoryMax(String metrics, String area, String... pool) {
        Pattern line = Pattern.compile("(?m)^jvm_memory_max_bytes\\{area=\"" + area + "\",id=\"("
                + (pool.length == 0 ? "[^\"]+" : Pattern.quote(pool[0])) + ")\"\\} (\\S+)$");
        Matcher m = line.matcher(metrics);
        long sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(2));
            found = true;
        }
        assertThat(found).as("jvm_memory_max_bytes for %s %s in /q/metrics", area, List.of(pool)).isTrue();
        return sum;
    }

    /** Runs {@code image} with the shipped JVM options plus {@code jvmOption} and waits for it to be ready. */
    private static void startsReady(String image, String name, String jvmOption, String label) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        long started = System.nanoTime();
        var run = Podman.run(120, runArguments("--detach", "--name", name, "--network", "host", "--env",
                "QUARKUS_PROFILE=demo", "--env", "QUARKUS_HTTP_PORT=" + port, "--env",
                "QUARKUS_MANAGEMENT_PORT=" + managementPort, "--env",
                "JDK_JAVA_OPTIONS=@/deployments/jvm.options " + jvmOption, image));
        assertThat(run.ok()).as(run.output()).isTrue();
        try {
            Duration ready = awaitReady(URI.create("http://127.0.0.1:" + managementPort), started, name);
            System.out.println("[image] " + label + " ready after " + ready.toMillis() + " ms");
        } finally {
            Podman.run(60, "rm", "--force", name);
        }
    }

    /** The sandbox lacks CAP_SYS_RESOURCE: podman must be given limits at or below the current ones. */
    private static String[] runArguments(String... rest) {
        var arguments = new ArrayList<>(List.of("run", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"));
        arguments.addAll(List.of(rest));
        return arguments.toArray(String[]::new);
    }

    private static Duration awaitReady(URI management, long started, String container)
            throws IOException, InterruptedException {
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
            var state = Podman.run(30, "inspect", "--format", "{{.State.Running}}", container);
            if (!state.output().strip().equals("true")) {
                var logs = Podman.run(30, "logs", container);
                throw new AssertionError("the container stopped before it was ready:\n" + logs.output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + READY_TIMEOUT + ": "
                + Podman.run(30, "logs", container).output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
