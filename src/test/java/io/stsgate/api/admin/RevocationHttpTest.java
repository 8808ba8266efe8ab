package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.store.DirectoryWriter;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;

import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** Revocation through the admin API, seen by the unmodified AWS SDK. */
@QuarkusTest
class RevocationHttpTest {

    @TestHTTPResource("/")
    URL url;
    @Inject
    TestClock clock;
    @Inject
    RecordingAuditSink audit;
    @Inject
    DirectoryWriter writer;

    private URI endpoint() throws Exception {
        return url.toURI();
    }

    private Credentials partnerSession(String name) throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            return sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName(name)
                    .externalId(Demo.EXTERNAL_ID)).credentials();
        }
    }

    private String callerArn(Credentials credentials) throws Exception {
        try (var session = TestClients.withSession(endpoint(), credentials)) {
            return session.getCallerIdentity().arn();
        }
    }

    private StsException refusal(Credentials credentials) throws Exception {
        try (var session = TestClients.withSession(endpoint(), credentials)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(session::getCallerIdentity);
            assertThat(thrown).isInstanceOf(StsException.class);
            return (StsException) thrown;
        }
    }

    private static void revoke(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/admin/v1/revocations").then().statusCode(201)
                .body("id", notNullValue()).body("createdBy", equalTo("ops"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aRevokedCredentialIsRefusedWithAccessDeniedWhileOtherSessionsWork() throws Exception {
        Credentials revoked = partnerSession("to-revoke");
        Credentials kept = partnerSession("to-keep");
        assertThat(callerArn(revoked)).endsWith("assumed-role/partner-readonly/to-revoke");

        revoke(Map.of("scope", "access-key", "target", revoked.accessKeyId(), "reason", "laptop stolen"));

        StsException refused = refusal(revoked);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(audit.byRequestId(refused.requestId())).hasValueSatisfying(
                event -> assertThat(event.reason()).isEqualTo(ReasonCode.CREDENTIAL_REVOKED));
        assertThat(callerArn(kept)).endsWith("assumed-role/partner-readonly/to-keep");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void revokingARoleRefusesItsEarlierSessionsButNotLaterOnes() throws Exception {
        Credentials earlier = partnerSession("earlier");
        Credentials developer;
        try (var sts = TestClients.alice(endpoint())) {
            developer = sts.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("dev")).credentials();
        }

        revoke(Map.of("scope", "role", "target", Demo.PARTNER_ROLE));
        // Revocation rounds up to the next second; later sessions must be issued after it.
        clock.advance(Duration.ofSeconds(2));

        StsException refused = refusal(earlier);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(audit.byRequestId(refused.requestId())).hasValueSatisfying(
                event -> assertThat(event.reason()).isEqualTo(ReasonCode.ROLE_SESSIONS_REVOKED));
        assertThat(audit.byRequestId(refused.requestId())).hasValueSatisfying(
                event -> assertThat(event.roleArn()).isEqualTo(Demo.PARTNER_ROLE));
        assertThat(callerArn(developer)).endsWith("assumed-role/developer/dev");
        assertThat(callerArn(partnerSession("later"))).endsWith("assumed-role/partner-readonly/later");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aDisabledLongTermKeyIsRefusedButItsSessionsLiveUntilTheUserIsRevoked() throws Exception {
        Credentials session;
        try (var sts = TestClients.auditor(endpoint())) {
            session = sts.getSessionToken().credentials();
        }
        setAuditorKeyStatus("Inactive");
        try {
            try (var sts = TestClients.auditor(endpoint())) {
                assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    assertThat(audit.byRequestId(e.requestId())).hasValueSatisfying(
                            event -> assertThat(event.reason()).isEqualTo(ReasonCode.ACCESS_KEY_INACTIVE));
                });
            }
            // As in AWS, temporary credentials minted from a key outlive its deactivation...
            assertThat(callerArn(session)).endsWith(":user/auditor");

            // ...until the user's sessions are revoked.
            revoke(Map.of("scope", "subject", "target", "arn:aws:iam::111111111111:user/auditor"));
            clock.advance(Duration.ofSeconds(2));
            StsException refused = refusal(session);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(audit.byRequestId(refused.requestId())).hasValueSatisfying(
                    event -> assertThat(event.reason()).isEqualTo(ReasonCode.SUBJECT_SESSIONS_REVOKED));
        } finally {
            setAuditorKeyStatus("Active");
        }
    }

    private void setAuditorKeyStatus(String status) {
        var id = new EntryId(EntryKind.ACCESS_KEY, Demo.AUDITOR_KEY_ID);
        writer.change(tx -> {
            var entry = tx.find(id).orElseThrow();
            ObjectNode body = entry.body().deepCopy();
            body.put("status", status);
            return tx.update(id, entry.version(), body);
        });
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aRevocationIsListedNewestFirst() throws Exception {
        revoke(Map.of("scope", "source-identity", "target", "listed-si-1"));
        revoke(Map.of("scope", "source-identity", "target", "listed-si-2"));

        given().queryParam("maxItems", 1).get("/admin/v1/revocations").then().statusCode(200)
                .body("revocations[0].target", equalTo("listed-si-2"))
                .body("revocations[0].scope", equalTo("source-identity"))
                .body("nextToken", notNullValue());
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anAuditorMayListRevocations() {
        given().get("/admin/v1/revocations").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anAuditorMayNotRevoke() {
        given().contentType(ContentType.JSON).body(Map.of("scope", "role", "target", Demo.PARTNER_ROLE))
                .post("/admin/v1/revocations").then().statusCode(403);
    }

    @Test
    void anAnonymousCallerMayNotListRevocations() {
        given().get("/admin/v1/revocations").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void anUnknownScopeIsRefusedNamingTheField() {
        refusedNaming(Map.of("scope", "everything", "target", "x"), "scope");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aTargetThatDoesNotFitTheScopeIsRefusedNamingTheField() {
        refusedNaming(Map.of("scope", "access-key", "target", "AKIAIOSFODNN7EXAMPLE"), "target");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aSubjectTargetWithoutASubjectIsRefusedNamingTheField() {
        refusedNaming(Map.of("scope", "subject", "target",
                "arn:aws:iam::555555555555:oidc-provider/idp.stsgate.test/realms/apps#"), "target");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void anIssuedBeforeThatIsNotAnInstantIsRefusedNamingTheField() {
        refusedNaming(Map.of("scope", "role", "target", Demo.PARTNER_ROLE, "issuedBefore", "yesterday"),
                "issuedBefore");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void anIssuedBeforeInTheFutureIsRefusedNamingTheField() {
        refusedNaming(Map.of("scope", "role", "target", Demo.PARTNER_ROLE, "issuedBefore", "2999-01-01T00:00:00Z"),
                "issuedBefore");
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aPageSizeOutOfRangeIsRefusedNamingTheParameter() {
        given().queryParam("maxItems", 0).get("/admin/v1/revocations").then().statusCode(400)
                .body("error.field", equalTo("maxItems"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aRoleThatDoesNotExistIsRefusedWithNotFound() {
        notFound(Map.of("scope", "role", "target", "arn:aws:iam::222222222222:role/partner-readonyl"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aUserThatDoesNotExistIsRefusedWithNotFound() {
        notFound(Map.of("scope", "subject", "target", "arn:aws:iam::111111111111:user/alicia"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aSubjectOfAProviderThatDoesNotExistIsRefusedWithNotFound() {
        notFound(Map.of("scope", "subject", "target",
                "arn:aws:iam::555555555555:oidc-provider/idp.stsgate.test/realms/apps#6c1f0c33"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void anUnknownTargetIsRevokedWhenTheRequestSaysItIsDeliberate() {
        revoke(Map.of("scope", "role", "target", "arn:aws:iam::222222222222:role/not-yet-created",
                "allowUnknownTarget", true));
    }

    private static void notFound(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/admin/v1/revocations").then().statusCode(404)
                .body("error.code", equalTo("NotFound")).body("error.field", equalTo("target"))
                .body("error.message", org.hamcrest.Matchers.containsString("allowUnknownTarget"));
    }

    private static void refusedNaming(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/admin/v1/revocations").then().statusCode(400)
                .body("error.code", equalTo("ValidationError")).body("error.field", equalTo(field));
    }
}
