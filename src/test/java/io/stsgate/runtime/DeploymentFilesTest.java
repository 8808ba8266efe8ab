package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.stsgate.directory.DirectoryFileLoader;

/** The example directory shipped with the Kubernetes manifests stays a valid directory file. */
class DeploymentFilesTest {

    @Test
    void theKubernetesExampleDirectoryLoads() throws Exception {
        Path file = Path.of("k8s", "directory.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            var directory = DirectoryFileLoader.load(file.toString(), in);
            assertThat(directory.role("arn:aws:iam::123456789012:role/web-users")).isPresent();
            assertThat(directory.oidcProviders()).hasSize(1);
        }
    }
}
