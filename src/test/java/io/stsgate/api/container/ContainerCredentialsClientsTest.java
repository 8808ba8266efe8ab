package io.stsgate.api.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.RecordingAuditSink;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Unmodified clients of several ages find stsgate's container credentials endpoint with nothing but
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and the token (no STS endpoint setting), then call
 * {@code GetCallerIdentity} at stsgate with those credentials: the AWS SDK for Java v2's
 * {@code DefaultCredentialsProvider} (in this JVM, through its system properties, which it reads like the environment
 * variables), Debian 12's AWS CLI v2 2.9.19 and boto3 1.26 (separate processes with a clean environment). The Java SDK
 * reads the token from {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} and refreshes before {@code Expiration}; the
 * Debian clients predate that variable and take {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}; a current boto3, where the
 * machine has one, reads the file.
 */
@QuarkusTest
@WithTestResource(KubernetesIssuerResource.class)
class ContainerCredentialsClientsTest {

    private static final List<String> JAVA_PROPERTIES = List.of("aws.containerCredentialsFullUri",
            "aws.containerAuthorizationToken", "aws.containerAuthorizationTokenFile", "aws.sharedCredentialsFile",
            "aws.configFile");

    @Inject
    RecordingAuditSink audit;

    @TestHTTPResource("/")
    URL url;

    private ServiceAccountTokens cluster;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        cluster = ServiceAccountTokens.issuedNow();
        work = Files.createDirectories(KubernetesIssuerResource.DIRECTORY.resolve("clients-" + UUID.randomUUID()));
    }

    @AfterEach
    void tearDown() {
        JAVA_PROPERTIES.forEach(System::clearProperty);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + url.getPort() + "/v1/container-credentials";
    }

    private String stsgate() {
        return "http://127.0.0.1:" + url.getPort();
    }

    /** A pod of the payments API's deployment, its own name per test so its issuance is told apart. */
    private static String pod() {
        return "payments-api-7d9c8b6f5-" + UUID.randomUUID().toString().substring(0, 5);
    }

    private static String expectedArn(String pod) {
        return "arn:aws:sts::" + KubernetesIssuerResource.ACCOUNT + ":assumed-role/payments-api/" + pod;
    }

    @Test
    void javaSdkDefaultProviderReadsTheTokenFileAndRefreshesBeforeExpiration() throws Exception {
        // A token about to expire bounds the session to less than the SDK's one-minute staleness margin, so the SDK
        // refreshes it right away, re-reading the file the kubelet rotated meanwhile.
        String pod = pod();
        Path tokenFile = work.resolve("token");
        Files.writeString(tokenFile,
                cluster.signed(cluster.token("payments", "api", pod).claim("exp", Instant.now().getEpochSecond() + 50)));
        System.setProperty("aws.containerCredentialsFullUri", endpoint());
        System.setProperty("aws.containerAuthorizationTokenFile", tokenFile.toString());
        System.setProperty("aws.sharedCredentialsFile", work.resolve("no-credentials").toString());
        System.setProperty("aws.configFile", work.resolve("no-config").toString());

        try (var provider = DefaultCredentialsProvider.builder().build();
                StsClient sts = StsClient.builder().endpointOverride(URI.create(stsgate())).region(Region.US_EAST_1)
                        .credentialsProvider(provider).httpClient(UrlConnectionHttpClient.create()).build()) {
            AwsCredentials first = provider.resolveCredentials();
            assertThat(first).isInstanceOf(AwsSessionCredentials.class);
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(expectedArn(pod));

            Files.writeString(tokenFile, cluster.signed(cluster.token("payments", "api", pod).claim("exp",
                    Instant.now().getEpochSecond() + 300)));
            AwsCredentials second = provider.resolveCredentials();
            for (int i = 0; i < 30 && second.accessKeyId().equals(first.accessKeyId()); i++) {
                Thread.sleep(500);
                second = provider.resolveCredentials();
            }

            assertThat(second.accessKeyId()).as("refreshed").isNotEqualTo(first.accessKeyId());
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(expectedArn(pod));
            AuditEvent firstIssue = issuance(pod, first.accessKeyId());
            AuditEvent secondIssue = issuance(pod, second.accessKeyId());
            assertThat(firstIssue.durationSeconds()).as("bounded by the token").isLessThanOrEqualTo(50);
            assertThat(secondIssue.time()).as("refreshed before the first credentials expired")
                    .isAfterOrEqualTo(firstIssue.time())
                    .isBefore(firstIssue.time().plusSeconds(firstIssue.durationSeconds()));
        }
        var issued = issuedTo(pod);
        assertThat(issued.get(0).userAgent()).contains("aws-sdk-java/");
        assertThat(issued.get(0).tags()).containsEntry("kubernetes-pod-name", pod)
                .containsEntry("kubernetes-namespace", "payments").containsEntry("eks-cluster-name", "prod-eu");
    }

    @Test
    @RequiresDebianAwsClients
    void debianAwsCliFindsTheEndpointWithTheTokenVariable() throws Exception {
        String pod = pod();
        var result = run(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint(), "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                cluster.signed(cluster.token("payments", "api", pod))), DebianAwsClientsCondition.AWS.toString(), "sts",
                "get-caller-identity", "--endpoint-url", stsgate(), "--region", "us-east-1", "--output", "text",
                "--query", "Arn");

        assertThat(result.output()).as(result.toString()).isEqualToIgnoringWhitespace(expectedArn(pod));
        assertThat(result.exit()).isZero();
        assertThat(issuedTo(pod)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.tags()).containsEntry("kubernetes-service-account", "api"));
    }

    @Test
    @RequiresDebianAwsClients
    void debianAwsCliIgnoresTheTokenFileVariableSoStsgateRefusesIt() throws Exception {
        Path tokenFile = work.resolve("token");
        Files.writeString(tokenFile, cluster.signed(cluster.payments()));
        Instant started = Instant.now();
        var result = run(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString()), DebianAwsClientsCondition.AWS.toString(),
                "sts", "get-caller-identity", "--endpoint-url", stsgate(), "--region", "us-east-1");

        assertThat(result.exit()).as(result.toString()).isNotZero();
        assertThat(result.output()).contains("Received non 200 response (401)").contains("InvalidTokenException");
        var events = audit.events().stream()
                .filter(e -> "GetContainerCredentials".equals(e.action()) && !e.time().isBefore(started)).toList();
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("GetContainerCredentials");
            assertThat(e.reason()).isEqualTo(ReasonCode.WORKLOAD_TOKEN_MISSING);
        });
    }

    @Test
    @RequiresDebianAwsClients
    void debianBoto3FindsTheEndpointWithTheTokenVariable() throws Exception {
        String script = """
                import sys, boto3, botocore
                session = boto3.Session(region_name="us-east-1")
                print(boto3.__version__, session.get_credentials().method)
                print(session.client("sts", endpoint_url=sys.argv[1]).get_caller_identity()["Arn"])
                """;
        String pod = pod();
        var result = run(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint(), "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                cluster.signed(cluster.token("payments", "api", pod))), DebianAwsClientsCondition.PYTHON.toString(),
                "-c", script, stsgate());

        assertThat(result.exit()).as(result.toString()).isZero();
        var lines = result.output().strip().lines().toList();
        assertThat(lines.get(0)).startsWith("1.26.").endsWith("container-role");
        assertThat(lines.get(1)).isEqualTo(expectedArn(pod));
        assertThat(issuedTo(pod)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.tags()).containsEntry("kubernetes-pod-name", pod));
    }

    private AuditEvent issuance(String pod, String accessKeyId) {
        return issuedTo(pod).stream().filter(e -> accessKeyId.equals(e.issuedAccessKeyId())).findFirst()
                .orElseThrow();
    }

    @Test
    void aCurrentBoto3ReadsTheTokenFile() throws Exception {
        String python = currentBoto3Python();
        Path tokenFile = work.resolve("token");
        String pod = pod();
        Files.writeString(tokenFile, cluster.signed(cluster.token("payments", "api", pod)));
        String script = """
                import sys, boto3
                session = boto3.Session(region_name="us-east-1")
                print(boto3.__version__, session.get_credentials().method)
                print(session.client("sts", endpoint_url=sys.argv[1]).get_caller_identity()["Arn"])
                """;
        var result = run(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString()), python, "-c", script, stsgate());

        assertThat(result.exit()).as(result.toString()).isZero();
        var lines = result.output().strip().lines().toList();
        assertThat(lines.get(0)).endsWith("container-role");
        assertThat(lines.get(1)).isEqualTo(expectedArn(pod));
        assertThat(issuedTo(pod)).isNotEmpty();
    }

    /**
     * A Python whose botocore knows {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} (late 2023 on): the
     * {@code python3} on the PATH, or {@code CURRENT_BOTO3_PYTHON}. Debian 12 has none, so the test is skipped with a
     * message there.
     */
    private static String currentBoto3Python() throws Exception {
        String candidate = System.getenv().getOrDefault("CURRENT_BOTO3_PYTHON", "python3");
        Process process = new ProcessBuilder(candidate, "-c", "import sys, boto3, botocore.credentials as c; "
                + "print(sys.executable if hasattr(c.ContainerProvider, 'ENV_VAR_AUTH_TOKEN_FILE') else '')")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(60, TimeUnit.SECONDS);
        String executable = output.lines().reduce((a, b) -> b).orElse("");
        if (process.exitValue() != 0 || executable.isEmpty() || !executable.startsWith("/")) {
            String reason = "SKIPPED: no boto3 that reads AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (" + candidate
                    + "; set CURRENT_BOTO3_PYTHON to one)";
            System.err.println("[aws clients] " + reason);
            Assumptions.abort(reason);
        }
        return executable;
    }

    /** Successful issuances to {@code pod}, newest first: the audit trail shows the session tags. */
    private List<AuditEvent> issuedTo(String pod) {
        return audit.events().stream().filter(e -> "GetContainerCredentials".equals(e.action())
                && e.outcome() == AuditEvent.Outcome.SUCCESS && pod.equals(e.sessionName())).toList();
    }

    private record Run(int exit, String output) {
    }

    /** Runs {@code command} with only {@code variables}, PATH and an empty HOME (no ~/.aws) in its environment. */
    private Run run(Map<String, String> variables, String... command) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        var builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        var clean = new LinkedHashMap<String, String>();
        clean.put("PATH", "/usr/bin:/bin");
        clean.put("HOME", home.toString());
        clean.put("LANG", "C.UTF-8");
        clean.putAll(variables);
        environment.putAll(clean);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
