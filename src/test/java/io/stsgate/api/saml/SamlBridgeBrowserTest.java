package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.browser.BrowserScript;
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

        JsonNode result = BrowserScript.run("saml-bridge.mjs", url.toString(), Map.of("samlResponse", samlResponse,
                "relayState", "idp-initiated", "role", sandboxChoice), WORK);

        assertThat(result.at("/picker/title").asText()).isEqualTo("Choose a role · stsgate");
        assertThat(result.at("/picker/signedInAs").asText()).isEqualTo("alice@example.com");
        assertThat(result.at("/picker/accounts").toString()).contains("Production").contains("Sandbox");
        assertThat(result.at("/picker/roles").toString()).contains(sandboxChoice);
        assertThat(result.at("/csrfCookie/httpOnly").asBoolean()).isTrue();
        assertThat(result.at("/csrfCookie/sameSite").asText()).isEqualTo("Strict");
        assertThat(result.get("credentialsUrl").asText()).endsWith("/saml/credentials").doesNotContain("?");
        assertThat(result.get("roleArn").asText()).isEqualTo(BridgeDirectoryResource.SANDBOX_ADMIN);
        assertThat(result.get("copyButtons").asInt()).as("the nonce'd script ran").isEqualTo(6);
        assertThat(result.get("clipboard").asText()).isEqualTo(result.get("accessKeyId").asText());
        assertThat(result.get("copyButtonText").asText()).as("the pressed button confirms").startsWith("Copied");
        assertThat(result.at("/used/title").asText()).isEqualTo("Sign-in already used");
        assertThat(result.at("/used/signInAgain").asText())
                .isEqualTo(BridgeDirectoryResource.PUBLIC_URL + "/saml/sign-in");
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
}
