package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.security.PublicKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** EncryptedAssertions through the Query API, with stsgate's encryption key pair configured. */
@QuarkusTest
@WithTestResource(SamlEncryptionResource.class)
class AssumeRoleWithEncryptedSamlHttpTest {

    @TestHTTPResource("/")
    URL url;

    private PublicKey sp;

    @BeforeEach
    void setUp() throws Exception {
        sp = SamlEncryptionResource.spCertificate().getPublicKey();
    }

    /** A fresh response valid now, the assertion signed by the IdP, then encrypted to {@code recipient}. */
    private String encryptedTo(PublicKey recipient) {
        return TrustedSamlResponses.response().with(b -> b.encryptFor = recipient).base64();
    }

    private AssumeRoleWithSamlResponse exchange(String assertion) throws Exception {
        try (var sts = TestClients.anonymous(url.toURI())) {
            return sts.assumeRoleWithSAML(r -> r.roleArn(SamlTrustResource.ROLE)
                    .principalArn(TestSamlResponses.PROVIDER_ARN).samlAssertion(assertion));
        }
    }

    @Test
    void whenTheAssertionIsEncryptedToStsgatesCertificateThenCredentialsThatWork() throws Exception {
        var response = exchange(encryptedTo(sp));

        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::222222222222:assumed-role/saml-readonly/alice@example.com");
        try (var session = TestClients.withSession(url.toURI(), response.credentials())) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(response.assumedRoleUser().arn());
        }
    }

    @Test
    void whenTheAssertionIsEncryptedToAnotherKeyThenInvalidIdentityToken() {
        String wrongKey = encryptedTo(TestSamlKeys.ATTACKER.keyPair().getPublic());

        assertThatThrownBy(() -> exchange(wrongKey)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Assertion could not be decrypted");
        });
    }
}
