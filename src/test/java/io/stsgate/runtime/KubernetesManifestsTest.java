package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.stsgate.testsupport.JvmOptions;

/**
 * {@code k8s/} deploys as is: {@code kubectl kustomize k8s/} renders it offline, and every object reads strictly into
 * the typed Kubernetes model (fabric8's, generated from the Kubernetes OpenAPI schemas): a misspelt field, a value of
 * the wrong type or an unknown kind fails here instead of at {@code kubectl apply}.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<?>> KINDS = Map.of("Deployment", Deployment.class, "Service",
            Service.class, "ConfigMap", ConfigMap.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "Namespace", Namespace.class, "ServiceAccount", ServiceAccount.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theKustomizationRendersIntoValidObjects() throws Exception {
        List<Object> objects = strictly(kustomize());
        assertThat(objects).extracting(o -> o.getClass().getSimpleName()).contains("Deployment", "Service",
                "ConfigMap", "PodDisruptionBudget");
    }

    @Test
    void theExampleWorkloadIsValid() throws Exception {
        assertThat(strictly(Files.readString(Path.of("k8s", "examples", "payments-api.yaml")))).isNotEmpty();
    }

    @Test
    void theImageIsNamedOnceWithARegistryAndTheJvmFitsItsMemoryLimit() throws Exception {
        Deployment deployment = strictly(kustomize()).stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).findFirst().orElseThrow();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example.com/stsgate:0.1.0");
        String jvm = container.getEnv().stream().filter(e -> e.getName().equals("JDK_JAVA_OPTIONS")).findFirst()
                .orElseThrow().getValue();
        assertThat(container.getEnv()).noneMatch(e -> e.getName().equals("JAVA_OPTS_APPEND"));
        // The shipped bounds, nothing added: setting JDK_JAVA_OPTIONS replaces the image's value, and a bound
        // changed here would have to be checked against the limit below.
        assertThat(jvm).isEqualTo("@/deployments/jvm.options");
        long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
        long request = Quantity.getAmountInBytes(container.getResources().getRequests().get("memory")).longValue();
        // What the JVM may take (heap, metaspace, code, direct buffers) leaves room for thread stacks and native
        // libraries within the limit, and the request reserves what a busy replica really uses (about 300 MB).
        assertThat(limit - JvmOptions.shipped().bounded()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(request).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(container.getEnvFrom()).anyMatch(e -> e.getConfigMapRef() != null
                && e.getConfigMapRef().getName().startsWith("stsgate-admin"));
    }

    private static String kustomize() throws IOException, InterruptedException {
        Path kubectl = Path.of("/usr/bin/kubectl");
        if (!Files.isExecutable(kubectl)) {
            assertThat(Boolean.getBoolean("kubectl.required")).as("kubectl.required is set, but %s is missing",
                    kubectl).isFalse();
            System.err.println("[k8s] SKIPPED: kubectl is missing, so kustomize cannot render k8s/ here");
            Assumptions.abort("kubectl is missing");
        }
        Path output = Files.createTempFile("kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", "k8s").redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String rendered = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(rendered).isZero();
            return rendered;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Every document of {@code yaml}, read into its kind's class; nothing may be left over or unknown. */
    private static List<Object> strictly(String yaml) throws IOException, ReflectiveOperationException {
        var objects = new ArrayList<Object>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (node == null || node.isEmpty()) {
                    continue;
                }
                String kind = node.path("kind").asText();
                Class<?> type = KINDS.get(kind);
                assertThat(type).as("a kind this test knows: %s", kind).isNotNull();
                Object object = YAML.treeToValue((ObjectNode) node, type);
                assertNoUnknownFields(object, kind + " " + node.path("metadata").path("name").asText());
                objects.add(object);
            }
        }
        return objects;
    }

    /** fabric8 keeps fields it does not know in additionalProperties: there must be none, at any depth. */
    private static void assertNoUnknownFields(Object value, String path) throws ReflectiveOperationException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value.getClass().isEnum()) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                assertNoUnknownFields(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                assertNoUnknownFields(entry.getValue(), path + "." + entry.getKey());
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) field).as("unknown fields at %s", path).isNullOrEmpty();
            } else {
                assertNoUnknownFields(field, path + "." + getter.getName().substring(3));
            }
        }
    }
}
