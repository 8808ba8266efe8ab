package io.stsgate.api.webidentity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.RecordingAuditSink;

/**
 * Explain and AssumeRoleWithWebIdentity run one pipeline: for each refusing request, explain's first failed check
 * carries the error code the real request is answered with and the reason code of its audit event.
 */
@QuarkusTest
@WithTestResource(StaticIdpResource.class)
class ExplainAgreesWithIssuanceTest {

    @Inject
    RecordingAuditSink audit;

    private StaticIdpTokens idp;

    @BeforeEach
    void setUp() throws Exception {
        idp = StaticIdpTokens.issuedNow();
    }

    /** Asserts issuance and explain agree on {@code token} asking for {@code roleArn}; returns the reason. */
    private ReasonCode assertAgree(String roleArn, String token, Integer duration, String providerId,
            String failedCheck) {
        var form = given().formParam("Action", "AssumeRoleWithWebIdentity").formParam("Version", "2011-06-15")
                .formParam("RoleArn", roleArn).formParam("RoleSessionName", "explain")
                .formParam("WebIdentityToken", token);
        if (duration != null) {
            form.formParam("DurationSeconds", duration);
        }
        if (providerId != null) {
            form.formParam("ProviderId", providerId);
        }
        Response issued = form.post("/").andReturn();
        assertThat(issued.statusCode()).as("the real request is refused").isBetween(400, 499);
        String code = issued.xmlPath().getString("ErrorResponse.Error.Code");
        ReasonCode reason = audit.byRequestId(issued.header("x-amzn-RequestId")).orElseThrow().reason();

        var body = new HashMap<String, Object>(Map.of("roleArn", roleArn, "webIdentityToken", token));
        if (duration != null) {
            body.put("durationSeconds", duration);
        }
        if (providerId != null) {
            body.put("tokenProviderId", providerId);
        }
        JsonPath explanation = JsonPath.from(given().contentType(ContentType.JSON).body(body)
                .post("/admin/v1/explain").then().statusCode(200).extract().asString());
        List<Map<String, Object>> failed = explanation.getList("checks.findAll { it.status == 'failed' }");

        assertThat(explanation.getString("verdict")).isEqualTo("deny");
        assertThat(failed.get(0)).containsEntry("name", failedCheck);
        assertThat(explanation.getString("errorCode")).isEqualTo(code);
        assertThat(explanation.getString("reasonCode")).isEqualTo(reason.name());
        return reason;
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aMissingRole() {
        assertThat(assertAgree("arn:aws:iam::555555555555:role/missing", idp.signed(idp.token()), null, null,
                "role exists")).isEqualTo(ReasonCode.ROLE_NOT_FOUND);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aRoleOfAnAccountTheProviderIsNotIn() {
        assertThat(assertAgree("arn:aws:iam::666666666666:role/missing", idp.signed(idp.token()), null, null,
                "provider in the role's account")).isEqualTo(ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aTrustPolicyThatDenies() {
        assertThat(assertAgree(StaticIdpResource.APP_ROLE, idp.signed(idp.token().claim("email_verified", false)),
                null, null, "trust policy")).isEqualTo(ReasonCode.TRUST_POLICY_DENIED);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void sessionTagsTheTrustPolicyDoesNotAllow() {
        assertThat(assertAgree(StaticIdpResource.NO_TAGS_ROLE, idp.signed(idp.token()), null, null,
                "session tags permission")).isEqualTo(ReasonCode.TRUST_POLICY_DENIED);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aDurationOverTheRolesMaximum() {
        assertThat(assertAgree(StaticIdpResource.APP_ROLE, idp.signed(idp.token()), 7200, null, "duration"))
                .isEqualTo(ReasonCode.DURATION_EXCEEDS_ROLE_MAXIMUM);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aTokenSignedByAnotherKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = idp.token().sign("RS256", StaticIdpResource.KEY_ID, generator.generateKeyPair().getPrivate());
        assertThat(assertAgree(StaticIdpResource.APP_ROLE, forged, null, null, "signature"))
                .isEqualTo(ReasonCode.TOKEN_BAD_SIGNATURE);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aProviderIdForAnAccessToken() {
        assertThat(assertAgree(StaticIdpResource.APP_ROLE, idp.signed(idp.token()), null, "graph.facebook.com",
                "token parsed")).isEqualTo(ReasonCode.INVALID_PARAMETER);
    }
}
