package io.stsgate.api.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kubernetes pattern's transport: stsgate over HTTPS with the PEM certificate settings of
 * {@code k8s/deployment.yaml}, and a workload JVM (its own process, the AWS SDK for Java v2 default chain, only
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} set) that trusts
 * stsgate's certificate through a truststore, as the README tells pods to; without it the SDK refuses the endpoint.
 */
@QuarkusTest
@WithTestResource(KubernetesIssuerResource.class)
@WithTestResource(StsgateTlsResource.class)
class ContainerCredentialsHttpsTest {

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @Test
    void aWorkloadJvmTrustingStsgatesCertificateGetsCredentialsOverHttps() throws Exception {
        var run = probe(true);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().strip().lines().reduce((a, b) -> b).orElse(""))
                .isEqualTo("arn:aws:sts::777777777777:assumed-role/payments-api/payments-api-7d9c8b6f5-x2kq9");
    }

    @Test
    void aWorkloadJvmThatDoesNotTrustStsgatesCertificateGetsNothing() throws Exception {
        var run = probe(false);

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("Unable to load credentials").doesNotContain("assumed-role");
    }

    private record Run(int exit, String output) {
    }

    private Run probe(boolean trusting) throws Exception {
        var cluster = ServiceAccountTokens.issuedNow();
        Path work = Files.createDirectories(KubernetesIssuerResource.DIRECTORY.resolve("https-" + UUID.randomUUID()));
        Path token = work.resolve("token");
        Files.writeString(token, cluster.signed(cluster.payments()));
        String base = "https://127.0.0.1:" + https.getPort();

        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (trusting) {
            command.addAll(List.of("-Djavax.net.ssl.trustStore=" + StsgateTlsResource.TRUSTSTORE,
                    "-Djavax.net.ssl.trustStorePassword=" + StsgateTlsResource.TRUSTSTORE_PASSWORD,
                    "-Djavax.net.ssl.trustStoreType=PKCS12"));
        }
        command.addAll(List.of(ContainerCredentialsProbe.class.getName(), base));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", Files.createDirectories(work.resolve("home")).toString());
        builder.environment().put("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/v1/container-credentials");
        builder.environment().put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the probe did not finish");
        }
        return new Run(process.exitValue(), output);
    }
}
