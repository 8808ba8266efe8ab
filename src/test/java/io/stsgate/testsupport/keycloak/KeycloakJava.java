package io.stsgate.testsupport.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK that runs Keycloak (26.x needs Java 21+; the build and tests run on 17): environment variable
 * {@code KEYCLOAK_JAVA_HOME}, else the newest JDK 21+ under {@code /usr/lib/jvm}.
 */
final class KeycloakJava {

    static final int MINIMUM_MAJOR = 21;
    static final String ENVIRONMENT_VARIABLE = "KEYCLOAK_JAVA_HOME";

    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    private KeycloakJava() {
    }

    static Path home() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            int major = major(home).orElseThrow(() -> new KeycloakException(
                    ENVIRONMENT_VARIABLE + "=" + home + " is not a JDK (no bin/java or release file)"));
            if (major < MINIMUM_MAJOR) {
                throw new KeycloakException(ENVIRONMENT_VARIABLE + "=" + home + " is Java " + major
                        + "; Keycloak needs Java " + MINIMUM_MAJOR + "+");
            }
            return home;
        }
        return newestUnder(JVM_DIRECTORY).orElseThrow(() -> new KeycloakException("No Java " + MINIMUM_MAJOR
                + "+ found for Keycloak: set " + ENVIRONMENT_VARIABLE + " to a JDK " + MINIMUM_MAJOR
                + "+ home, or install one under " + JVM_DIRECTORY));
    }

    private static Optional<Path> newestUnder(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(directory)) {
            candidates = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new KeycloakException("Cannot list " + directory, e);
        }
        return candidates.stream()
                .filter(home -> major(home).orElse(0) >= MINIMUM_MAJOR)
                .max(Comparator.comparingInt((Path home) -> major(home).orElse(0)));
    }

    /** Major version from the JDK's {@code release} file, if {@code home} holds a runnable JDK. */
    private static Optional<Integer> major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            if (!matcher.find()) {
                return Optional.empty();
            }
            int major = Integer.parseInt(matcher.group(1));
            return Optional.of(major == 1 ? 8 : major);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
