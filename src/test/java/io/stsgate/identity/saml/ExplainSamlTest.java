package io.stsgate.identity.saml;

import static io.restassured.RestAssured.given;
import static io.stsgate.identity.saml.TrustedSamlResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stsgate.testsupport.TestClients;

/** {@code POST /admin/v1/explain} for SAML: the assertion's one use is left for the real request. */
@QuarkusTest
@WithTestResource(SamlTrustResource.class)
class ExplainSamlTest {

    @TestHTTPResource("/")
    URL url;

    private static JsonPath explain(String roleArn, String assertion) {
        String body = given().contentType(ContentType.JSON).body(Map.of("roleArn", roleArn, "samlAssertion",
                assertion, "principalArn", TestSamlResponses.PROVIDER_ARN)).post("/admin/v1/explain").then()
                .statusCode(200).extract().asString();
        assertThat(body).doesNotContain(assertion);
        return JsonPath.from(body);
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anExplainedAssertionCanStillBeUsedOnce() throws Exception {
        String assertion = response().base64();

        JsonPath explanation = explain(SamlTrustResource.ROLE, assertion);

        assertThat(explanation.getString("verdict")).isEqualTo("allow");
        try (var sts = TestClients.anonymous(url.toURI())) {
            var issued = sts.assumeRoleWithSAML(r -> r.roleArn(SamlTrustResource.ROLE)
                    .principalArn(TestSamlResponses.PROVIDER_ARN).samlAssertion(assertion));
            assertThat(issued.credentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aRoleMissingFromTheRoleAttributeIsExplained() {
        JsonPath explanation = explain(SamlTrustResource.NOT_GRANTED_ROLE, response().base64());

        assertThat(explanation.getString("errorCode")).isEqualTo("AccessDenied");
        assertThat(explanation.getString("checks.find { it.name == 'role asserted' }.status")).isEqualTo("failed");
        assertThat(explanation.getString("checks.find { it.name == 'signature' }.status")).isEqualTo("passed");
    }
}
