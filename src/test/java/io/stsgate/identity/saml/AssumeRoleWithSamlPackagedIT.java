package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TrustedSamlResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.stsgate.it.packaged.PackagedDemo;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithSAML against the packaged application (the jar, or with {@code -Pnative} the native executable):
 * OpenSAML's start-up, its unmarshallers (loaded by class name), Santuario's signature check and the replay cache,
 * the parts a native image most easily leaves out.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedDemo.class)
class AssumeRoleWithSamlPackagedIT {

    @TestHTTPResource("/")
    URL url;

    @Test
    void aSignedAssertionIsExchangedForCredentialsThatVerify() throws Exception {
        try (var sts = TestClients.anonymous(url.toURI())) {
            var response = sts.assumeRoleWithSAML(r -> r.roleArn(SamlTrustResource.ROLE)
                    .principalArn(TestSamlResponses.PROVIDER_ARN).samlAssertion(response().base64()));
            assertThat(response.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::222222222222:assumed-role/saml-readonly/alice@example.com");
            try (var session = TestClients.withSession(url.toURI(), response.credentials())) {
                assertThat(session.getCallerIdentity().arn()).isEqualTo(response.assumedRoleUser().arn());
            }
        }
    }

    @Test
    void anUnsignedAssertionIsRefused() throws Exception {
        try (var sts = TestClients.anonymous(url.toURI())) {
            assertThatThrownBy(() -> sts.assumeRoleWithSAML(r -> r.roleArn(SamlTrustResource.ROLE)
                    .principalArn(TestSamlResponses.PROVIDER_ARN)
                    .samlAssertion(response().signAssertion(null).base64())))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken"));
        }
    }
}
