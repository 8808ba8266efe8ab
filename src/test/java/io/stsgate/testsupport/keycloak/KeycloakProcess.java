package io.stsgate.testsupport.keycloak;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Keycloak command ({@code kc.sh ...}) and everything it spawns. The command runs under a small shell watchdog
 * that stops it when this JVM disappears, even on {@code kill -9}; {@link #stop(Duration)} stops the whole tree.
 * Output goes to a log file, never to the test output.
 */
final class KeycloakProcess {

    /** {@code sh -c WATCHDOG watchdog OWNER_PID COMMAND...}: runs COMMAND, stops it when OWNER_PID is gone. */
    private static final String WATCHDOG = """
            owner="$1"; shift
            "$@" </dev/null &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM INT HUP
            while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill -TERM "$child" 2>/dev/null
            wait "$child"
            """;

    /** Inherited settings that would change how Keycloak or its JVM runs. */
    private static final List<String> SCRUBBED_PREFIXES = List.of("KC_", "KEYCLOAK_ADMIN", "QUARKUS_", "JAVA_OPTS",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Process process;
    private final Path log;

    private KeycloakProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Map<String, String> environment(Path javaHome) {
        return Map.of("JAVA_HOME", javaHome.toString());
    }

    static KeycloakProcess launch(Path directory, List<String> command, Map<String, String> environment, Path log) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "keycloak-watchdog",
                Long.toString(ProcessHandle.current().pid())));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> SCRUBBED_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        try {
            return new KeycloakProcess(builder.start(), log);
        } catch (IOException e) {
            throw new KeycloakException("Cannot start " + command.get(1), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The JVM among the descendants (watchdog shell, kc.sh, java). */
    OptionalLong javaPid() {
        return process.descendants()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst();
    }

    Path log() {
        return log;
    }

    /** Exit code, or -1 after stopping the tree when it did not end within {@code timeout}. */
    int waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(Duration.ofSeconds(10));
        return -1;
    }

    /** SIGTERM to the process and all its descendants, SIGKILL to whatever is left after {@code grace}. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long remaining = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(remaining, 1), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
