package io.stsgate.testsupport.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "podman"))) {
                return true;
            }
        }
        return false;
    }

    /** The command prefix, storage options included: what {@code build-image.sh} takes in {@code PODMAN}. */
    public static List<String> command() {
        return List.of("podman", "--root", ROOT.resolve("storage").toString(), "--runroot",
                ROOT.resolve("run").toString());
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
