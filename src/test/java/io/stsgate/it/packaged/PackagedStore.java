package io.stsgate.it.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh store folder under {@code target/} for each start of the packaged application, and a free port for its
 * management interface, whose URL is injected into the test's {@link ManagementUrl} field: the artifact launcher
 * chooses the public port, not that one.
 */
public class PackagedStore implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@code URI} field that receives the management interface's base URL. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface ManagementUrl {
    }

    private int managementPort;

    @Override
    public Map<String, String> start() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "packaged-it").toAbsolutePath());
            Path store = Files.createTempDirectory(parent, "store-");
            try (var socket = new ServerSocket(0)) {
                managementPort = socket.getLocalPort();
            }
            return Map.of("stsgate.store.path", store.toString(), "quarkus.management.port",
                    String.valueOf(managementPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(URI.create("http://127.0.0.1:" + managementPort),
                new TestInjector.AnnotatedAndMatchesType(ManagementUrl.class, URI.class));
    }

    @Override
    public void stop() {
        // The store folder stays under target/ for a look after a failure; mvn clean removes it.
    }
}
