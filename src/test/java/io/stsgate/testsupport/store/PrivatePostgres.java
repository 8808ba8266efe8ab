package io.stsgate.testsupport.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (its own data folder and port, never the machine's shared one), which the test
 * may freeze (SIGSTOP on every process of the cluster: connections stay open and stop answering, as with a hung host)
 * and thaw. Needs PostgreSQL's server binaries ({@code initdb}, {@code pg_ctl}); as root they run as {@code postgres}.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path data;
    private final int port;
    private final Path bin;
    private final List<Long> frozen = new ArrayList<>();

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The folder of {@code initdb} and {@code pg_ctl}, when this machine has them. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
        } catch (IOException e) {
            // not the Debian layout
        }
        candidates.add(Path.of("/usr/local/bin"));
        candidates.add(Path.of("/usr/bin"));
        return candidates.stream().filter(dir -> Files.isExecutable(dir.resolve("initdb"))
                && Files.isExecutable(dir.resolve("pg_ctl"))).findFirst();
    }

    /** Creates and starts a cluster in {@code folder}, listening on 127.0.0.1 only. */
    public static PrivatePostgres start(Path folder) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("initdb and pg_ctl are not installed"));
        try {
            Path data = Files.createDirectories(folder.resolve("pgdata"));
            var postgres = new PrivatePostgres(bin, data, freePort());
            if (root()) {
                run(List.of("chown", "-R", USER, folder.toString()));
            }
            postgres.asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A",
                    "trust", "-E", "UTF8", "--no-sync"));
            postgres.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    folder.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + postgres.port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return USER;
    }

    /** Stops every process of the cluster (SIGSTOP): it keeps its connections and answers nothing. */
    public synchronized void freeze() {
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        for (long pid : pids) {
            signal("STOP", pid);
        }
        frozen.addAll(pids);
    }

    /** Lets the frozen processes go on (SIGCONT). */
    public synchronized void thaw() {
        for (long pid : frozen) {
            signal("CONT", pid);
        }
        frozen.clear();
    }

    @Override
    public void close() {
        thaw();
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                    "stop"));
        } catch (RuntimeException e) {
            // already gone
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void signal(String signal, long pid) {
        run(List.of("kill", "-" + signal, Long.toString(pid)));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
