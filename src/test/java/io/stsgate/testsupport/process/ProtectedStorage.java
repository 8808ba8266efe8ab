package io.stsgate.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * S3Proxy (no authentication of its own) behind Debian's nginx with the shipped {@code deploy/nginx/stsgate-s3.conf},
 * asking the stsgate on {@code stsgatePort}: the set-up of the nginx end-to-end tests. Only the shipped file's ports
 * change. Everything lives in a fresh folder under {@code target/nginx-e2e/}.
 *
 * @param folder the test's folder, for its own files
 */
public record ProtectedStorage(Path folder, S3ProxyProcess s3proxy, NginxProcess nginx) implements AutoCloseable {

    public static final Path SHIPPED = Path.of("deploy", "nginx", "stsgate-s3.conf");

    public static ProtectedStorage start(int stsgatePort) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "nginx-e2e", UUID.randomUUID().toString()))
                    .toAbsolutePath();
            var s3proxy = S3ProxyProcess.start(folder.resolve("s3proxy"));
            try {
                var nginx = NginxProcess.start(SHIPPED, Map.of(
                        "listen 8000;", "listen 127.0.0.1:{port};",
                        "server 127.0.0.1:8080;", "server 127.0.0.1:" + stsgatePort + ";",
                        "server 127.0.0.1:9000;", "server 127.0.0.1:" + s3proxy.port() + ";"), folder.resolve("nginx"));
                return new ProtectedStorage(folder, s3proxy, nginx);
            } catch (RuntimeException e) {
                s3proxy.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients send S3 requests: nginx. */
    public URI endpoint() {
        return nginx.endpoint();
    }

    @Override
    public void close() {
        try {
            nginx.close();
        } finally {
            s3proxy.close();
        }
    }
}
