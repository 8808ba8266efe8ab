package io.stsgate.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.stsgate.directory.store.StoreHealth;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.ManagementInterface;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestTotp;

import software.amazon.awssdk.services.sts.model.StsException;

/**
 * While the store is known to be down, the calls that need it answer 503 at once and the others are untouched. The
 * poller runs once an hour here, so only this test decides the store's state.
 */
@QuarkusTest
@TestProfile(StoreDownHttpTest.QuietPoller.class)
class StoreDownHttpTest {

    public static final class QuietPoller implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsgate.store.poll-interval", "PT1H");
        }
    }

    @TestHTTPResource("/")
    URL url;
    @Inject
    StoreHealth health;

    @AfterEach
    void storeBack() {
        health.succeeded();
    }

    @Test
    void assumeRoleWithMfaWhenStoreDownThenServiceUnavailableAtOnce() throws Exception {
        health.failed("test");
        try (var sts = TestClients.alice(url.toURI())) {
            long start = System.nanoTime();
            var refused = catchThrowableOfType(StsException.class, () -> sts.assumeRole(r -> r
                    .roleArn(Demo.ADMIN_MFA_ROLE).roleSessionName("mfa").serialNumber(Demo.ALICE_MFA)
                    .tokenCode(TestTotp.code(TestTotp.DEMO_SEED, Instant.now()))));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            // The SDK retried (it retries 503) and each try was answered at once.
            assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
        }
    }

    @Test
    void callsWithoutTheStoreWhenStoreDownThenAnsweredAsUsual() throws Exception {
        health.failed("test");
        try (var sts = TestClients.alice(url.toURI())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(Demo.ALICE_ARN);
            assertThat(sts.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("no-mfa")).credentials()
                    .accessKeyId()).startsWith("ASIA");
        }
        ManagementInterface.request().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void assumeRoleWithSamlWhenStoreDownThenServiceUnavailableNotInvalidIdentityToken() {
        health.failed("test");
        given().contentType("application/x-www-form-urlencoded")
                .formParam("Action", "AssumeRoleWithSAML").formParam("Version", "2011-06-15")
                .formParam("RoleArn", "arn:aws:iam::222222222222:role/saml-readonly")
                .formParam("PrincipalArn", "arn:aws:iam::222222222222:saml-provider/corp")
                .formParam("SAMLAssertion", "PHNhbWxwOlJlc3BvbnNlLz4=")
                .post("/").then().statusCode(503)
                .body("ErrorResponse.Error.Code", equalTo("ServiceUnavailable"));
    }

    @Test
    void readinessWhenStoreDownThenDownWithTheCause() {
        health.failed("test cause");
        ManagementInterface.request().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'stsgate' }.data.store", equalTo("down"))
                .body("checks.find { it.name == 'stsgate' }.data.storeCause", equalTo("test cause"));
        health.succeeded();
        ManagementInterface.request().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void adminWriteWhenStoreDownThenStoreUnavailableAndNothingChanged() {
        health.failed("test");
        given().contentType(ContentType.JSON).body("""
                {"name": "written-while-down", "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect":
                 "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}]}}
                """).post("/admin/v1/accounts/111111111111/roles").then().statusCode(503)
                .body("error.code", equalTo("StoreUnavailable"));
        health.succeeded();
        given().get("/admin/v1/accounts/111111111111/roles/written-while-down").then().statusCode(404);
    }
}
