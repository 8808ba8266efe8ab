package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.browser.BrowserScript;
import io.stsgate.testsupport.browser.RequiresBrowser;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;

import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Corporate SSO in a real browser against a real IdP: headless chromium signs alice in on Keycloak 26's login page
 * and Keycloak's auto-post page brings the signed Response to the bridge, both SP-initiated (from
 * {@code /saml/sign-in}, with an AuthnRequest and RelayState) and IdP-initiated (from Keycloak's SSO link); the
 * credentials chosen on the picker then work with the AWS SDK.
 */
@QuarkusTest
@WithTestResource(KeycloakBridgeResource.class)
@RequiresKeycloak
@RequiresBrowser
class SamlKeycloakBrowserTest {

    private static final String ACCOUNT = "222222222222";
    private static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":saml-provider/keycloak";
    private static final String READONLY = "arn:aws:iam::" + ACCOUNT + ":role/saml-readonly";
    private static final String ADMIN = "arn:aws:iam::" + ACCOUNT + ":role/saml-admin";
    private static final Path WORK = Path.of("target", "saml-keycloak-browser").toAbsolutePath();

    @TestHTTPResource("/")
    URL url;

    private static JsonNode signIn(String startUrl, KeycloakUser user, String roleArn) throws Exception {
        return BrowserScript.run("saml-keycloak.mjs", startUrl, Map.of("username", user.username(), "password",
                user.password(), "role", roleArn + "," + PROVIDER), WORK);
    }

    private void assertCredentialsWork(JsonNode result, String expectedArn) throws Exception {
        var credentials = Credentials.builder().accessKeyId(result.get("accessKeyId").asText())
                .secretAccessKey(result.get("secretAccessKey").asText())
                .sessionToken(result.get("sessionToken").asText()).build();
        try (var sts = TestClients.withSession(url.toURI(), credentials)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(expectedArn);
        }
    }

    @Test
    void whenAliceStartsAtStsgateThenKeycloakSignsHerInAndTheBridgeIssuesTheChosenRole() throws Exception {
        JsonNode result = signIn(url + "saml/sign-in", KeycloakUser.ALICE, READONLY);

        String keycloak = URI.create(KeycloakServer.shared().issuer()).resolve("/").toString();
        assertThat(result.get("loginOrigin").asText() + "/").isEqualTo(keycloak);
        assertThat(result.at("/picker/accounts").toString()).contains("corporate");
        assertThat(result.at("/picker/roles").toString()).contains(READONLY + "," + PROVIDER)
                .contains(ADMIN + "," + PROVIDER);
        assertThat(result.get("roleArn").asText()).isEqualTo(READONLY);
        assertCredentialsWork(result, "arn:aws:sts::" + ACCOUNT + ":assumed-role/saml-readonly/alice");
    }

    @Test
    void whenAliceStartsAtKeycloaksSsoLinkThenTheUnsolicitedResponseReachesThePickerToo() throws Exception {
        JsonNode result = signIn(KeycloakServer.shared().samlLogin().idpInitiatedSsoUri().toString(),
                KeycloakUser.ALICE, ADMIN);

        assertThat(result.get("roleArn").asText()).isEqualTo(ADMIN);
        assertCredentialsWork(result, "arn:aws:sts::" + ACCOUNT + ":assumed-role/saml-admin/alice");
    }
}
