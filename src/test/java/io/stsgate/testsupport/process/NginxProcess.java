package io.stsgate.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's nginx in the foreground with a shipped configuration file from {@code deploy/nginx/}, changed only in its
 * ports (listen address, upstream servers): everything else is tested as shipped. The main configuration around it
 * keeps pid, logs and temporary files in the test's folder under target/.
 */
public final class NginxProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path folder;

    private NginxProcess(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    /**
     * @param shipped the file from deploy/nginx/
     * @param replacements exact texts of the shipped file (e.g. {@code "listen 8000;"}) and what the test needs there
     *        ({@code {port}} in a replacement is nginx's own port)
     */
    public static NginxProcess start(Path shipped, Map<String, String> replacements, Path folder) {
        int port = Ports.free();
        try {
            Files.createDirectories(folder);
            String site = Files.readString(shipped);
            for (var replacement : replacements.entrySet()) {
                if (!site.contains(replacement.getKey())) {
                    throw new IllegalStateException(shipped + " no longer contains '" + replacement.getKey() + "'");
                }
                site = site.replace(replacement.getKey(), replacement.getValue().replace("{port}",
                        Integer.toString(port)));
            }
            Path sitePath = folder.resolve("site.conf");
            Files.writeString(sitePath, site);
            String f = folder.toAbsolutePath().toString();
            Files.writeString(folder.resolve("nginx.conf"), """
                    daemon off;
                    master_process on;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log info;
                    events { worker_connections 256; }
                    http {
                        access_log %1$s/access.log;
                        client_body_temp_path %1$s/client-body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        include %1$s/site.conf;
                    }
                    """.formatted(f));
            Path log = folder.resolve("nginx.out");
            Process process = new ProcessBuilder(BINARY.toString(), "-p", f, "-c", f + "/nginx.conf", "-e",
                    f + "/error.log")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Ports.awaitListening("nginx", process, port, START_TIMEOUT, log.toAbsolutePath() + " and " + f
                    + "/error.log");
            return new NginxProcess(process, port, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** nginx's error log, for assertions and failure messages. */
    public String errorLog() {
        try {
            return Files.readString(folder.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        Ports.stop(process, Duration.ofSeconds(20));
    }
}
