package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.browser.BrowserProject;
import io.stsgate.testsupport.browser.RequiresBrowser;

import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * End to end in a real browser: headless chromium, driven by {@code src/test/browser/saml-bridge.mjs}, receives the
 * IdP's auto-submitting form, picks a role on the picker and reads the credentials page; the AWS SDK then proves the
 * credentials work.
 */
@QuarkusTest
@WithTestResource(BridgeDirectoryResource.class)
@RequiresBrowser
class SamlBridgeBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "saml-bridge-browser").toAbsolutePath();

    @Inject
    TestClock clock;
    @TestHTTPResource("/")
    URL url;

    @Test
    void whenAPersonSignsInThroughTheBrowserThenTheCredentialsWorkWithTheAwsSdk() throws Exception {
        String sandboxChoice = BridgeDirectoryResource.SANDBOX_ADMIN + "," + BridgeDirectoryResource.SANDBOX_PROVIDER;
        String samlResponse = SignedSamlResponses.base64(BridgeDirectoryResource.idpKey(),
                BridgeDirectoryResource.ACS, clock.instant(), SignedSamlResponses.attributes("alice@example.com",
                        BridgeDirectoryResource.READONLY + "," + BridgeDirectoryResource.PROD_PROVIDER,
                        // Provider first: AWS accepts either order.
                        BridgeDirectoryResource.SANDBOX_PROVIDER + "," + BridgeDirectoryResource.SANDBOX_ADMIN));

        JsonNode result = run(Map.of("samlResponse", samlResponse, "relayState", "idp-initiated",
                "role", sandboxChoice));

        assertThat(result.at("/picker/title").asText()).isEqualTo("Choose a role · stsgate");
        assertThat(result.at("/picker/accounts").toString()).contains("Production").contains("Sandbox");
        assertThat(result.at("/picker/roles").toString()).contains(sandboxChoice);
        assertThat(result.at("/csrfCookie/httpOnly").asBoolean()).isTrue();
        assertThat(result.at("/csrfCookie/sameSite").asText()).isEqualTo("Strict");
        assertThat(result.get("credentialsUrl").asText()).endsWith("/saml/credentials").doesNotContain("?");
        assertThat(result.get("roleArn").asText()).isEqualTo(BridgeDirectoryResource.SANDBOX_ADMIN);
        assertThat(result.get("copyButtons").asInt()).as("the nonce'd script ran").isEqualTo(6);
        assertThat(result.get("clipboard").asText()).isEqualTo(result.get("accessKeyId").asText());
        assertThat(result.get("cspViolations")).isEmpty();
        assertThat(result.get("exports").asText())
                .contains("export AWS_ACCESS_KEY_ID=" + result.get("accessKeyId").asText());

        var credentials = Credentials.builder().accessKeyId(result.get("accessKeyId").asText())
                .secretAccessKey(result.get("secretAccessKey").asText())
                .sessionToken(result.get("sessionToken").asText()).build();
        try (var sts = TestClients.withSession(url.toURI(), credentials)) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::333333333333:assumed-role/sandbox-admin/alice@example.com");
        }
    }

    /** Runs the Playwright script; its stderr goes to a file under target/ for diagnosis. */
    private JsonNode run(Map<String, String> input) throws Exception {
        Files.createDirectories(WORK);
        Path inputFile = WORK.resolve("input.json");
        Path stderr = WORK.resolve("stderr.txt");
        Files.writeString(inputFile, JSON.writeValueAsString(input));
        Path script = BrowserProject.directory().resolve("saml-bridge.mjs");
        String node = BrowserProject.node().map(Path::toString).orElse("node");
        Process process = new ProcessBuilder(node, script.toString(), url.toString(), inputFile.toString())
                .directory(BrowserProject.directory().toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().close();
        byte[] stdout;
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("saml-bridge.mjs did not finish in 120 s; see " + stderr);
            }
            stdout = process.getInputStream().readAllBytes();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("saml-bridge.mjs exit status; stderr: %s",
                Files.exists(stderr) ? Files.readString(stderr) : "").isZero();
        return JSON.readTree(new String(stdout, StandardCharsets.UTF_8));
    }
}
