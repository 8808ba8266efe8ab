package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TrustedSamlResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** AssumeRoleWithSAML through the Query API with the unmodified AWS SDK for Java v2. */
@QuarkusTest
@WithTestResource(SamlTrustResource.class)
class AssumeRoleWithSamlHttpTest {

    @TestHTTPResource("/")
    URL url;

    private AssumeRoleWithSamlResponse exchange(String roleArn, String principalArn, String assertion)
            throws Exception {
        try (var sts = TestClients.anonymous(url.toURI())) {
            return sts.assumeRoleWithSAML(r -> r.roleArn(roleArn).principalArn(principalArn)
                    .samlAssertion(assertion));
        }
    }

    private void assertRefused(String roleArn, String principalArn, String assertion, String code) {
        assertThatThrownBy(() -> exchange(roleArn, principalArn, assertion))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }

    @Test
    void whenTheAssertionGrantsTheRoleThenCredentialsAndAwsResponseFields() throws Exception {
        var response = exchange(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, response().base64());
        assertThat(response.subject()).isEqualTo("alice@example.com");
        assertThat(response.subjectType()).isEqualTo("persistent");
        assertThat(response.issuer()).isEqualTo(TestSamlResponses.IDP_ENTITY_ID);
        assertThat(response.audience()).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(response.nameQualifier()).isNotBlank();
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::222222222222:assumed-role/saml-readonly/alice@example.com");
        assertThat(response.packedPolicySize()).as("the PrincipalTag attribute became a session tag").isNotNull();
        try (var session = TestClients.withSession(url.toURI(), response.credentials())) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(response.assumedRoleUser().arn());
        }
    }

    @Test
    void whenTheSameAssertionIsPresentedTwiceThenTheSecondIsRefused() throws Exception {
        String assertion = response().base64();
        exchange(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, assertion);
        assertRefused(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, assertion, "InvalidIdentityToken");
    }

    @Test
    void whenTheRoleIsNotInTheRoleAttributeThenAccessDenied() {
        assertRefused(SamlTrustResource.NOT_GRANTED_ROLE, TestSamlResponses.PROVIDER_ARN, response().base64(),
                "AccessDenied");
    }

    @Test
    void whenThePrincipalArnNamesAnotherProviderThenTheSignatureDoesNotVerify() {
        assertRefused(SamlTrustResource.ROLE, SamlTrustResource.OTHER_PROVIDER_ARN, response().base64(),
                "InvalidIdentityToken");
    }

    @Test
    void whenThePrincipalArnIsUnknownThenInvalidIdentityToken() {
        assertRefused(SamlTrustResource.ROLE, "arn:aws:iam::222222222222:saml-provider/nope", response().base64(),
                "InvalidIdentityToken");
    }

    @Test
    void whenUnsignedThenInvalidIdentityToken() {
        assertRefused(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN,
                response().signAssertion(null).base64(), "InvalidIdentityToken");
    }

    @Test
    void whenExpiredThenExpiredTokenException() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = response().with(b -> {
            b.issueInstant = past;
            b.notBefore = past;
            b.notOnOrAfter = past.plusSeconds(300);
            b.bearerNotOnOrAfter = past.plusSeconds(300);
        }).base64();
        assertRefused(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, expired, "ExpiredTokenException");
    }

    @Test
    void whenTheAssertionIsEncryptedButStsgateHasNoDecryptionKeyThenInvalidIdentityToken() {
        String encrypted = response().with(b -> b.encryptFor = TestSamlKeys.SP_ENCRYPTION.keyPair().getPublic())
                .base64();
        assertRefused(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, encrypted, "InvalidIdentityToken");
    }

    @Test
    void whenNotBase64ThenInvalidIdentityToken() {
        assertRefused(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, "%%% not base64 %%%",
                "InvalidIdentityToken");
    }

    @Test
    void whenRoleSessionNameIsMissingThenInvalidIdentityToken() {
        String assertion = response().with(b -> b.attributes.remove(TestSamlResponses.ATTR + "RoleSessionName"))
                .base64();
        assertThatThrownBy(() -> exchange(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, assertion))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("RoleSessionName is required in AuthnResponse");
                });
    }

    @Test
    void whenTheRoleValuesAreInProviderFirstOrderThenTheRoleIsGranted() throws Exception {
        String assertion = response().with(b -> b.attributes.put(TestSamlResponses.ROLE_ATTR,
                List.of(TestSamlResponses.PROVIDER_ARN + "," + SamlTrustResource.ROLE))).base64();
        assertThat(exchange(SamlTrustResource.ROLE, TestSamlResponses.PROVIDER_ARN, assertion).assumedRoleUser()
                .arn()).endsWith("assumed-role/saml-readonly/alice@example.com");
    }
}
