package io.stsgate.identity.saml;

import static io.restassured.RestAssured.given;
import static io.stsgate.identity.saml.TrustedSamlResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

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
 * Explain and AssumeRoleWithSAML run one pipeline: for each refusing request, explain's first failed check carries
 * the error code the real request is answered with and the reason code of its audit event. Explain runs first, since
 * it leaves the assertion's one use to the real request.
 */
@QuarkusTest
@WithTestResource(SamlTrustResource.class)
class ExplainSamlAgreesWithIssuanceTest {

    private static final String PROVIDER = TestSamlResponses.PROVIDER_ARN;

    @Inject
    RecordingAuditSink audit;

    private ReasonCode assertAgree(String roleArn, String principalArn, String assertion, Integer duration,
            String failedCheck) {
        var body = new HashMap<String, Object>(Map.of("roleArn", roleArn, "samlAssertion", assertion, "principalArn",
                principalArn));
        if (duration != null) {
            body.put("durationSeconds", duration);
        }
        JsonPath explanation = JsonPath.from(given().contentType(ContentType.JSON).body(body)
                .post("/admin/v1/explain").then().statusCode(200).extract().asString());

        var form = given().formParam("Action", "AssumeRoleWithSAML").formParam("Version", "2011-06-15")
                .formParam("RoleArn", roleArn).formParam("PrincipalArn", principalArn)
                .formParam("SAMLAssertion", assertion);
        if (duration != null) {
            form.formParam("DurationSeconds", duration);
        }
        Response issued = form.post("/").andReturn();
        assertThat(issued.statusCode()).as("the real request is refused").isBetween(400, 499);
        String code = issued.xmlPath().getString("ErrorResponse.Error.Code");
        ReasonCode reason = audit.byRequestId(issued.header("x-amzn-RequestId")).orElseThrow().reason();

        List<Map<String, Object>> failed = explanation.getList("checks.findAll { it.status == 'failed' }");
        assertThat(explanation.getString("verdict")).isEqualTo("deny");
        assertThat(failed.get(0)).containsEntry("name", failedCheck);
        assertThat(explanation.getString("errorCode")).isEqualTo(code);
        assertThat(explanation.getString("reasonCode")).isEqualTo(reason.name());
        return reason;
    }

    private static String granting(String roleArn) {
        return response().with(b -> b.attributes.put(TestSamlResponses.ROLE_ATTR, List.of(roleArn + "," + PROVIDER)))
                .base64();
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aMissingRole() {
        String role = "arn:aws:iam::222222222222:role/missing";
        assertThat(assertAgree(role, PROVIDER, granting(role), null, "role exists"))
                .isEqualTo(ReasonCode.ROLE_NOT_FOUND);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aRoleOfAnAccountTheProviderIsNotIn() {
        String role = "arn:aws:iam::999999999999:role/saml-readonly";
        assertThat(assertAgree(role, PROVIDER, granting(role), null, "provider in the role's account"))
                .isEqualTo(ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aTrustPolicyThatDoesNotAllowTheSourceIdentity() {
        String assertion = response().with(b -> b.attributes.put(TestSamlResponses.ATTR + "SourceIdentity",
                List.of("alice"))).base64();
        assertThat(assertAgree(SamlTrustResource.ROLE, PROVIDER, assertion, null, "source identity permission"))
                .isEqualTo(ReasonCode.TRUST_POLICY_DENIED);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void sessionTagsTheTrustPolicyDoesNotAllow() {
        assertThat(assertAgree(SamlTrustResource.NO_TAGS_ROLE, PROVIDER, granting(SamlTrustResource.NO_TAGS_ROLE),
                null, "session tags permission")).isEqualTo(ReasonCode.TRUST_POLICY_DENIED);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aDurationOverTheRolesMaximum() {
        assertThat(assertAgree(SamlTrustResource.ROLE, PROVIDER, response().base64(), 7200, "duration"))
                .isEqualTo(ReasonCode.DURATION_EXCEEDS_ROLE_MAXIMUM);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aRoleTheAssertionDoesNotGrant() {
        assertThat(assertAgree(SamlTrustResource.NOT_GRANTED_ROLE, PROVIDER, response().base64(), null,
                "role asserted")).isEqualTo(ReasonCode.SAML_ROLE_NOT_ASSERTED);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anAssertionWithoutRoleSessionName() {
        String assertion = response().with(b -> b.attributes.remove(TestSamlResponses.ATTR + "RoleSessionName"))
                .base64();
        assertThat(assertAgree(SamlTrustResource.ROLE, PROVIDER, assertion, null, "session attributes"))
                .isEqualTo(ReasonCode.SAML_ATTRIBUTES_INVALID);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anUnknownProvider() {
        assertThat(assertAgree(SamlTrustResource.ROLE, "arn:aws:iam::222222222222:saml-provider/nope",
                response().base64(), null, "issuer known")).isEqualTo(ReasonCode.SAML_PROVIDER_UNKNOWN);
    }
}
