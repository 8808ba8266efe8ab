package io.stsgate.testsupport.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Keycloak home of its own for one run, under {@code target/keycloak-runs}: {@code bin/kc.sh} is copied (the
 * script takes its home from its own resolved location), the rest of the distribution is linked, and
 * {@code data/} (H2 database, realm import) is private to the run. The realm export goes to
 * {@code data/import} for {@code --import-realm}.
 */
final class KeycloakRunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<String> NOT_LINKED = Set.of("bin", "data");

    private KeycloakRunDirectory() {
    }

    static Path create(KeycloakDistribution distribution, Path realmFile) {
        Path run = ProjectDirectory.target().resolve("keycloak-runs").resolve("run-"
                + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet());
        try {
            Files.createDirectories(run.resolve("bin"));
            Files.copy(distribution.home().resolve("bin/kc.sh"), run.resolve("bin/kc.sh"),
                    StandardCopyOption.COPY_ATTRIBUTES);
            for (Path entry : children(distribution.home())) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && !NOT_LINKED.contains(name)) {
                    Files.createSymbolicLink(run.resolve(name), entry);
                }
            }
            Path imports = Files.createDirectories(run.resolve("data").resolve("import"));
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()));
            return run;
        } catch (IOException e) {
            throw new KeycloakException("Cannot prepare the Keycloak run directory " + run, e);
        }
    }

    private static List<Path> children(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.toList();
        }
    }
}
