package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;

import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Corporate SSO end to end: a real signed SAML Response from Keycloak 26.7.3 (IdP-initiated SSO, login form filled
 * in over HTTP), exchanged with the unmodified AWS SDK for Java v2 against a stsgate that knows Keycloak only from
 * its metadata.
 */
@RequiresKeycloak
@QuarkusTest
@WithTestResource(KeycloakSamlResource.class)
class AssumeRoleWithSamlKeycloakTest {

    @TestHTTPResource("/")
    URL url;

    private static String samlResponseFor(KeycloakUser user) {
        return KeycloakServer.shared().samlLogin().samlResponseFor(user);
    }

    private AssumeRoleWithSamlResponse exchange(String roleArn, String assertion) throws Exception {
        try (var sts = TestClients.anonymous(url.toURI())) {
            return sts.assumeRoleWithSAML(r -> r.roleArn(roleArn).principalArn(KeycloakSamlResource.PROVIDER_ARN)
                    .samlAssertion(assertion));
        }
    }

    private void assertRefused(String roleArn, String assertion, String code) {
        assertThatThrownBy(() -> exchange(roleArn, assertion)).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }

    @Test
    void whenAliceSignsInAtKeycloakThenHerResponseBuysCredentialsThatWork() throws Exception {
        var response = exchange(KeycloakSamlResource.READONLY_ROLE, samlResponseFor(KeycloakUser.ALICE));

        assertThat(response.issuer()).isEqualTo(KeycloakServer.shared().issuer());
        assertThat(response.audience()).isEqualTo(KeycloakSamlResource.acsUrl(url.getPort()));
        assertThat(response.subjectType()).isEqualTo("persistent");
        assertThat(response.subject()).isNotBlank();
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::222222222222:assumed-role/saml-readonly/alice");
        try (var session = TestClients.withSession(url.toURI(), response.credentials())) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(response.assumedRoleUser().arn());
        }
    }

    @Test
    void whenAliceAsksForHerSecondRoleThenTheTrustPolicyOnSubjectTypeAllowsIt() throws Exception {
        assertThat(exchange(KeycloakSamlResource.ADMIN_ROLE, samlResponseFor(KeycloakUser.ALICE)).assumedRoleUser()
                .arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/saml-admin/alice");
    }

    @Test
    void whenBobAsksForARoleHisRoleAttributeDoesNotListThenAccessDenied() {
        assertRefused(KeycloakSamlResource.ADMIN_ROLE, samlResponseFor(KeycloakUser.BOB), "AccessDenied");
    }

    @Test
    void whenKeycloaksResponseIsPresentedTwiceThenTheSecondIsRefused() throws Exception {
        String response = samlResponseFor(KeycloakUser.BOB);
        exchange(KeycloakSamlResource.READONLY_ROLE, response);

        assertRefused(KeycloakSamlResource.READONLY_ROLE, response, "InvalidIdentityToken");
    }
}
