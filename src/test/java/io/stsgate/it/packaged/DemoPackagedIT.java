package io.stsgate.it.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.TestClients;

/**
 * The packaged application answers as the README's walk-through expects: on the JVM ({@code ./mvnw verify}, against
 * the jar) and as a native executable ({@code ./mvnw verify -Pnative}), where a class left out of the image, a
 * resource not included or state frozen at build time shows up here. The demo directory's published example keys
 * sign the calls; every {@code *PackagedIT} class shares one start of the application ({@link PackagedDemo}).
 */
@QuarkusIntegrationTest
@TestProfile(PackagedDemo.class)
class DemoPackagedIT {

    @TestHTTPResource("/")
    URL url;

    @PackagedStore.ManagementUrl
    URI management;

    @Test
    void theReadinessProbeIsUpOnTheManagementPort() {
        given().baseUri(management.toString()).when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void getCallerIdentitySignedWithTheDemoKeysNamesTheDemoUser() throws Exception {
        try (var sts = TestClients.alice(url.toURI())) {
            var identity = sts.getCallerIdentity();
            assertThat(identity.account()).isEqualTo("111111111111");
            assertThat(identity.arn()).isEqualTo(Demo.ALICE_ARN);
        }
    }

    @Test
    void aSessionTokenSealedByTheExecutableOpensOnTheNextCall() throws Exception {
        try (var alice = TestClients.alice(url.toURI())) {
            var credentials = alice.getSessionToken().credentials();
            assertThat(credentials.accessKeyId()).startsWith("ASIA");
            try (var session = TestClients.withSession(url.toURI(), credentials)) {
                assertThat(session.getCallerIdentity().arn()).isEqualTo(Demo.ALICE_ARN);
            }
        }
    }

    @Test
    void theSamlServiceProviderMetadataIsMarshalledByOpenSaml() {
        given().when().get("/saml/metadata").then().statusCode(200)
                .contentType(containsString("application/samlmetadata+xml"))
                .body(containsString("EntityDescriptor"), containsString("AssertionConsumerService"));
    }
}
