package io.stsgate.testsupport.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * podman with its own storage under {@code target/podman}, so the tests' images and containers never mix with the
 * machine's and go away with {@code ./mvnw clean}.
 */
public final class Podman {

    private static final Path ROOT = Path.of("target", "podman").toAbsolutePath();

    private Podman() {
    }

    public static boolean installed() {
        return onPath("podman").isPresent();
    }

    /** The command prefix, storage options included: what {@code build-image.sh} takes in {@code PODMAN}. */
    public static List<String> command() {
        var command = new ArrayList<>(List.of("podman", "--root", ROOT.resolve("storage").toString(), "--runroot",
                ROOT.resolve("run").toString()));
        // Debian's default runtime, crun, refuses hosts with hybrid cgroups (as the CI machines have); runc runs there.
        onPath("runc").ifPresent(runc -> command.addAll(List.of("--runtime", runc.toString())));
        return List.copyOf(command);
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** Runs podman with these arguments; the result carries the exit code and the combined output. */
    public static Result run(long timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(command());
        command.addAll(List.of(arguments));
        return exec(command, Map.of(), timeoutSeconds);
    }

    public static Result exec(List<String> command, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(ROOT);
        Path output = Files.createTempFile(ROOT, "out", ".log");
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }
}
