package io.stsgate.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * S3Proxy ({@code org.gaul:s3proxy}, copied to {@code target/s3proxy} by the pom) with its filesystem backend and no
 * authentication of its own: the storage server nginx protects in the end-to-end tests.
 */
public final class S3ProxyProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;

    private S3ProxyProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts S3Proxy with its files, configuration and log in {@code folder} (under target/). */
    public static S3ProxyProcess start(Path folder) {
        int port = Ports.free();
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            Path properties = folder.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n", List.of(
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=none",
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data.toAbsolutePath())) + "\n");
            Path log = folder.resolve("s3proxy.log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-jar", JAR.toAbsolutePath().toString(), "--properties",
                    properties.toAbsolutePath().toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Ports.awaitListening("S3Proxy", process, port, START_TIMEOUT, log.toAbsolutePath().toString());
            return new S3ProxyProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        Ports.stop(process, Duration.ofSeconds(20));
    }
}
