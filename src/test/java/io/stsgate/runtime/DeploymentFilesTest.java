package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.stsgate.directory.DirectoryFileLoader;

/** The Kubernetes manifests: a valid example directory, and the operations surface kept off the Service. */
class DeploymentFilesTest {

    @Test
    void theKubernetesExampleDirectoryLoads() throws Exception {
        Path file = Path.of("k8s", "directory.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            var directory = DirectoryFileLoader.load(file.toString(), in);
            assertThat(directory.role("arn:aws:iam::123456789012:role/web-users")).isPresent();
            assertThat(directory.oidcProviders()).hasSize(2);
            assertThat(directory.workloadAssociation("https://kubernetes.default.svc.cluster.local",
                    "system:serviceaccount:payments:api")).get()
                    .satisfies(a -> assertThat(a.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/payments-api"));
        }
    }

    @Test
    void probesAndTheScrapePointAtTheManagementPortWhichTheServiceDoesNotPublish() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        JsonNode template = yaml.readTree(Path.of("k8s", "deployment.yaml").toFile()).path("spec").path("template");
        JsonNode container = template.path("spec").path("containers").get(0);
        int management = 0;
        for (JsonNode port : container.path("ports")) {
            if ("management".equals(port.path("name").asText())) {
                management = port.path("containerPort").asInt();
            }
        }
        assertThat(management).isEqualTo(9000);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
        }
        JsonNode annotations = template.path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo("9000");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");

        List<String> published = new ArrayList<>();
        yaml.readTree(Path.of("k8s", "service.yaml").toFile()).path("spec").path("ports")
                .forEach(port -> published.add(port.path("targetPort").asText()));
        assertThat(published).containsExactly("http", "https");
    }

    @Test
    void theExampleWorkloadHasAProjectedTokenForStsgatesAudienceAndTheTwoVariables() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        JsonNode deployment = null;
        try (var parser = yaml.getFactory().createParser(Path.of("k8s", "examples", "payments-api.yaml").toFile())) {
            for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
                if ("Deployment".equals(document.path("kind").asText())) {
                    deployment = document;
                }
            }
        }
        assertThat(deployment).isNotNull();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("api");
        JsonNode projected = pod.path("volumes").get(0).path("projected").path("sources").get(0)
                .path("serviceAccountToken");
        assertThat(projected.path("audience").asText()).isEqualTo("stsgate");
        var env = new java.util.HashMap<String, String>();
        pod.path("containers").get(0).path("env").forEach(e -> env.put(e.path("name").asText(),
                e.path("value").asText()));
        assertThat(env).containsEntry("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "https://stsgate.stsgate.svc/v1/container-credentials")
                .containsEntry("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "/var/run/secrets/stsgate/"
                        + projected.path("path").asText());
    }
}
