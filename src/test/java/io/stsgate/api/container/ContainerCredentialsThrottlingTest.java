package io.stsgate.api.container;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.ManagementInterface;
import io.stsgate.testsupport.RecordingAuditSink;

/**
 * The container credentials endpoint spends the web-identity throttling budget of the source address, the same bucket
 * as AssumeRoleWithWebIdentity: a flood from one address is answered 429 before any token is parsed, counted in
 * {@code stsgate_throttled_total{group="web-identity"}}, and audited as a bounded sample.
 */
@QuarkusTest
@WithTestResource(KubernetesIssuerResource.class)
@TestProfile(ContainerCredentialsThrottlingTest.TightLimits.class)
class ContainerCredentialsThrottlingTest {

    static final int BURST = 3;

    /** Three web identity requests per address, then one every 1,000 seconds: nothing refills during the test. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsgate.throttling.web-identity.rate", "0.001",
                    "stsgate.throttling.web-identity.burst", String.valueOf(BURST),
                    "stsgate.throttling.audit-sample.rate", "0.001",
                    "stsgate.throttling.audit-sample.burst", "2");
        }
    }

    @Inject
    RecordingAuditSink audit;

    @Test
    void containerCredentialsAndAssumeRoleWithWebIdentityShareOneBudgetPerAddress() throws Exception {
        var cluster = ServiceAccountTokens.issuedNow();
        String token = cluster.signed(cluster.payments());
        double before = throttled();

        assertThat(webIdentity().xmlPath().getString("ErrorResponse.Error.Code")).isEqualTo("InvalidIdentityToken");
        assertThat(container(token).statusCode()).isEqualTo(200);
        assertThat(container(token).statusCode()).isEqualTo(200);
        List<Response> flood = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flood.add(container(i % 2 == 0 ? token : "garbage-" + i));
        }

        assertThat(flood).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(response.jsonPath().getString("code")).isEqualTo("ThrottlingException");
            assertThat(response.jsonPath().getString("AccessKeyId")).isNull();
        });
        assertThat(webIdentity().xmlPath().getString("ErrorResponse.Error.Code")).as("the same bucket")
                .isEqualTo("Throttling");
        assertThat(throttled() - before).isEqualTo(51);
        List<AuditEvent> sampled = audit.events().stream()
                .filter(e -> e.reason() == ReasonCode.THROTTLED && "GetContainerCredentials".equals(e.action()))
                .toList();
        assertThat(sampled).as("a bounded sample, not one event each").hasSizeLessThanOrEqualTo(2).isNotEmpty();
    }

    private static Response container(String token) {
        return given().header("Authorization", token).get(ContainerCredentialsHttpTest.PATH).andReturn();
    }

    private static Response webIdentity() {
        return given().formParam("Action", "AssumeRoleWithWebIdentity").formParam("Version", "2011-06-15")
                .formParam("RoleArn", KubernetesIssuerResource.PAYMENTS_ROLE).formParam("RoleSessionName", "app")
                .formParam("WebIdentityToken", "not.a.token").when().post("/").andReturn();
    }

    private static double throttled() {
        String metrics = ManagementInterface.request().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^stsgate_throttled_total\\{group=\"web-identity\"[^}]*} ([0-9.E+-]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
