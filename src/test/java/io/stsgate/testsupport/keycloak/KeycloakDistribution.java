package io.stsgate.testsupport.keycloak;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Keycloak server distribution that Maven unpacks into {@code target/keycloak} (execution
 * {@code unpack-keycloak} of maven-dependency-plugin), and its one-time {@code kc.sh build}.
 */
public final class KeycloakDistribution {

    /**
     * Build-time options, applied once per unpacked distribution ({@code kc.sh build}); every run then uses
     * {@code start --optimized}. Keep in sync with {@code src/test/scripts/keycloak.sh}.
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true",
            "--features-disabled=token-exchange");

    static final String BUILD_MARKER = ".stsgate-build";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    /**
     * System property {@code keycloak.dist.dir} (set by surefire from the pom), else the newest
     * {@code target/keycloak/keycloak-*} directory that holds {@code bin/kc.sh}.
     */
    public static Optional<KeycloakDistribution> locate() {
        String configured = System.getProperty("keycloak.dist.dir");
        if (configured != null && isDistribution(Path.of(configured))) {
            return Optional.of(new KeycloakDistribution(Path.of(configured).toAbsolutePath()));
        }
        Path unpacked = searchDirectory();
        if (!Files.isDirectory(unpacked)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            return children.filter(path -> path.getFileName().toString().startsWith("keycloak-"))
                    .filter(KeycloakDistribution::isDistribution)
                    .max(Comparator.comparing(path -> path.getFileName().toString()))
                    .map(path -> new KeycloakDistribution(path.toAbsolutePath()));
        } catch (IOException e) {
            throw new KeycloakException("Cannot list " + unpacked, e);
        }
    }

    /** Where {@link #locate()} looks when no {@code keycloak.dist.dir} is given. */
    public static Path searchDirectory() {
        return ProjectDirectory.target().resolve("keycloak");
    }

    public Path home() {
        return home;
    }

    public String version() {
        String name = home.getFileName().toString();
        return name.startsWith("keycloak-") ? name.substring("keycloak-".length()) : name;
    }

    /**
     * Runs {@code kc.sh build} with {@link #BUILD_OPTIONS} unless this distribution was already built with them.
     * A file lock keeps two JVMs from building the same distribution at once.
     */
    void ensureBuilt(Path javaHome) {
        Path marker = home.resolve(BUILD_MARKER);
        String options = String.join(" ", BUILD_OPTIONS);
        Path lockFile = home.resolveSibling(home.getFileName() + ".build.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (!lock.isValid()) {
                throw new KeycloakException("Lost the build lock " + lockFile);
            }
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(options)) {
                return;
            }
            build(javaHome);
            Files.writeString(marker, options + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeycloakException("Cannot build Keycloak in " + home, e);
        }
    }

    private void build(Path javaHome) throws IOException {
        Path log = home.resolveSibling(home.getFileName() + "-build.log");
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        long started = System.nanoTime();
        System.out.println("[keycloak] kc.sh build " + String.join(" ", BUILD_OPTIONS) + " (once per unpacked "
                + "distribution; log: " + log + ")");
        KeycloakProcess build = KeycloakProcess.launch(home, command, KeycloakProcess.environment(javaHome), log);
        int exit = build.waitFor(BUILD_TIMEOUT);
        if (exit != 0) {
            throw new KeycloakException("kc.sh build " + (exit < 0 ? "timed out" : "exited with " + exit)
                    + "; last lines of " + log + ":\n" + build.logTail(30));
        }
        System.out.printf("[keycloak] kc.sh build finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static boolean isDistribution(Path path) {
        return Files.isRegularFile(path.resolve("bin").resolve("kc.sh"))
                && Files.isDirectory(path.resolve("lib"));
    }

    @Override
    public String toString() {
        return "Keycloak " + version() + " at " + home;
    }
}
