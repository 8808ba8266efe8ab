package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.TestClients;

import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/** The audit trail through the admin API: an issuance and a denial, found with their precise reasons. */
@QuarkusTest
class AuditHttpTest {

    @TestHTTPResource("/")
    URL url;

    private URI endpoint() throws Exception {
        return url.toURI();
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anIssuanceAndADenialAreFoundWithTheirReasons() throws Exception {
        Instant from = Instant.now().minusSeconds(5);
        String issuedRequest;
        String deniedRequest;
        try (var sts = TestClients.alice(endpoint())) {
            var issued = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("audited")
                    .externalId(Demo.EXTERNAL_ID).tags(Tag.builder().key("Project").value("apollo").build()));
            issuedRequest = issued.responseMetadata().requestId();
            StsException denied = (StsException) org.assertj.core.api.Assertions.catchThrowable(() -> sts.assumeRole(
                    r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("refused").externalId("wrong-external-id")));
            deniedRequest = denied.requestId();
        }

        List<Map<String, Object>> events = awaitEvents(Map.of("roleArn", Demo.PARTNER_ROLE, "from", from.toString()),
                List.of(issuedRequest, deniedRequest));

        Map<String, Object> issued = byRequest(events, issuedRequest);
        assertThat(issued).containsEntry("outcome", "SUCCESS").containsEntry("reason", "ISSUED")
                .containsEntry("action", "AssumeRole").containsEntry("principal", Demo.ALICE_ARN)
                .containsEntry("roleArn", Demo.PARTNER_ROLE).containsEntry("sessionName", "audited")
                .containsEntry("durationSeconds", 3600).containsEntry("tags", Map.of("Project", "apollo"));
        assertThat((String) issued.get("issuedAccessKeyId")).startsWith("ASIA");
        assertThat((String) issued.get("sourceIp")).isNotBlank();
        assertThat((String) issued.get("userAgent")).contains("aws-sdk-java");
        Map<String, Object> denied = byRequest(events, deniedRequest);
        assertThat(denied).containsEntry("outcome", "FAILURE").containsEntry("reason", "TRUST_POLICY_DENIED")
                .containsEntry("errorCode", "AccessDenied").containsEntry("sessionName", "refused");
        // Newest first.
        assertThat(events.indexOf(denied)).isLessThan(events.indexOf(issued));
        assertThat(events.toString()).doesNotContain("wrong-external-id");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void theOutcomeFilterKeepsOnlyFailures() throws Exception {
        Instant from = Instant.now().minusSeconds(5);
        String deniedRequest;
        try (var sts = TestClients.alice(endpoint())) {
            sts.getCallerIdentity();
            deniedRequest = ((StsException) org.assertj.core.api.Assertions.catchThrowable(() -> sts.assumeRole(
                    r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("refused2")))).requestId();
        }

        var events = awaitEvents(Map.of("outcome", "failure", "from", from.toString()), List.of(deniedRequest));

        assertThat(events).allSatisfy(event -> assertThat(event).containsEntry("outcome", "FAILURE"));
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anOutcomeThatIsNeitherIsRefusedNamingTheParameter() {
        given().queryParam("outcome", "maybe").get("/admin/v1/audit-events").then().statusCode(400)
                .body("error.field", equalTo("outcome"));
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aFromThatIsNotAnInstantIsRefusedNamingTheParameter() {
        given().queryParam("from", "last week").get("/admin/v1/audit-events").then().statusCode(400)
                .body("error.field", equalTo("from"));
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aForeignNextTokenIsRefusedNamingTheParameter() {
        given().queryParam("nextToken", "bm9wZQ").get("/admin/v1/audit-events").then().statusCode(400)
                .body("error.field", equalTo("nextToken"));
    }

    @Test
    @TestSecurity(user = "someone", roles = "developer")
    void aCallerWithoutAnAdminRoleIsForbidden() {
        given().get("/admin/v1/audit-events").then().statusCode(403);
    }

    @Test
    void anAnonymousCallerIsUnauthorized() {
        given().get("/admin/v1/audit-events").then().statusCode(401);
    }

    /** Events are stored asynchronously: ask until every expected request id is there (5 seconds at most). */
    private static List<Map<String, Object>> awaitEvents(Map<String, String> filters, List<String> requestIds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            JsonPath page = given().queryParams(filters).get("/admin/v1/audit-events").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            var found = events.stream().map(e -> (String) e.get("requestId")).toList();
            if (found.containsAll(requestIds) || System.nanoTime() > deadline) {
                assertThat(found).containsAll(requestIds);
                return events;
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Object> byRequest(List<Map<String, Object>> events, String requestId) {
        return events.stream().filter(e -> requestId.equals(e.get("requestId"))).findFirst().orElseThrow();
    }
}
