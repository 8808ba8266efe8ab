package io.stsgate.api.webidentity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stsgate.testsupport.TestJwts;

/** {@code POST /admin/v1/explain} for web identity tokens: one passing explanation and one per kind of refusal. */
@QuarkusTest
@WithTestResource(StaticIdpResource.class)
class ExplainWebIdentityTest {

    static final String CLAIM_PREFIX = "idp.stsgate.test/realms/apps:";

    private StaticIdpTokens idp;

    @BeforeEach
    void setUp() throws Exception {
        idp = StaticIdpTokens.issuedNow();
    }

    private static JsonPath explain(String roleArn, String token) {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("roleArn", roleArn, "webIdentityToken", token)).post("/admin/v1/explain").then()
                .statusCode(200).extract().asString();
        assertThat(body).as("the token is never echoed").doesNotContain(token)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        return JsonPath.from(body);
    }

    private static Map<String, Object> check(JsonPath explanation, String name) {
        List<Map<String, Object>> checks = explanation.getList("checks");
        return checks.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aTokenTheRoleTrustsIsExplainedAsAllowedWithTheDecidingStatement() {
        JsonPath explanation = explain(StaticIdpResource.APP_ROLE, idp.signed(idp.token()));

        assertThat(explanation.getString("verdict")).isEqualTo("allow");
        assertThat(explanation.getString("errorCode")).isNull();
        for (String name : List.of("token parsed", "issuer known", "signature", "audience", "time window",
                "role exists", "trust policy", "session tags permission", "duration")) {
            assertThat(check(explanation, name)).containsEntry("status", "passed");
        }
        assertThat(check(explanation, "source identity permission")).containsEntry("status", "skipped");
        assertThat(explanation.getString("decidingStatement.statement")).isEqualTo("VerifiedEmailsOnly");
        assertThat(explanation.getInt("decidingStatement.index")).isZero();
        assertThat(explanation.getList("advice")).isEmpty();
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aDenyThatFiredOnAVariableWithoutAValueNamesTheVariable() {
        JsonPath explanation = explain(StaticIdpResource.DEPARTMENT_ROLE, idp.signed(idp.token()));

        assertThat(explanation.getString("verdict")).isEqualTo("deny");
        assertThat(explanation.getString("errorCode")).isEqualTo("AccessDenied");
        List<Map<String, Object>> statements = explanation.getList("trustStatements");
        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement).containsEntry("statement", "DepartmentSubjects").containsEntry("decision", "applies");
            assertThat((String) statement.get("nullVariables")).isEqualTo("condition StringNotEquals on "
                    + CLAIM_PREFIX + "sub matched because policy variable ${aws:RequestTag/department} has no value "
                    + "(an inverted operator matches the null value)");
        });
        assertThat(statements).filteredOn(statement -> "App".equals(statement.get("statement")))
                .allSatisfy(statement -> assertThat(statement).doesNotContainKey("nullVariables"));
        assertThat(explanation.getList("advice", String.class)).anySatisfy(advice -> assertThat(advice)
                .startsWith("statement DepartmentSubjects denies sts:AssumeRoleWithWebIdentity because condition")
                .contains("${aws:RequestTag/department} has no value"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "stsgate-admin")
    void aTokenSignedByAnotherKeyFailsTheSignatureCheck() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = idp.token().sign("RS256", StaticIdpResource.KEY_ID, generator.generateKeyPair().getPrivate());

        JsonPath explanation = explain(StaticIdpResource.APP_ROLE, forged);

        assertThat(explanation.getString("verdict")).isEqualTo("deny");
        assertThat(explanation.getString("errorCode")).isEqualTo("InvalidIdentityToken");
        assertThat(check(explanation, "issuer known")).containsEntry("status", "passed");
        assertThat(check(explanation, "signature")).containsEntry("status", "failed");
        assertThat(check(explanation, "audience")).containsEntry("status", "skipped");
        assertThat(explanation.getList("advice", String.class)).anySatisfy(
                advice -> assertThat(advice).contains("signature does not verify").contains(
                        StaticIdpResource.PROVIDER_ARN));
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aTokenForAnotherAudienceFailsTheAudienceCheckNamingTheClientIds() {
        String token = idp.signed(TestJwts.idToken(StaticIdpResource.ISSUER, "web", idp.now()));

        JsonPath explanation = explain(StaticIdpResource.APP_ROLE, token);

        assertThat(explanation.getString("errorCode")).isEqualTo("InvalidIdentityToken");
        assertThat(check(explanation, "audience")).containsEntry("status", "failed");
        assertThat(explanation.getList("advice", String.class)).anySatisfy(
                advice -> assertThat(advice).contains("web").contains("clientIds [" + StaticIdpResource.CLIENT_ID
                        + "]"));
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aTrustConditionThatFailsIsNamedWithItsOperatorKeyAndValues() {
        String token = idp.signed(idp.token().claim("email_verified", false));

        JsonPath explanation = explain(StaticIdpResource.APP_ROLE, token);

        assertThat(explanation.getString("verdict")).isEqualTo("deny");
        assertThat(explanation.getString("errorCode")).isEqualTo("AccessDenied");
        assertThat(check(explanation, "signature")).containsEntry("status", "passed");
        assertThat(check(explanation, "trust policy")).containsEntry("status", "failed");
        assertThat(explanation.getString("trustStatements[0].statement")).isEqualTo("VerifiedEmailsOnly");
        assertThat(explanation.getString("trustStatements[0].decision")).isEqualTo("not-applicable");
        assertThat(explanation.getString("trustStatements[0].failedCondition.operator")).isEqualTo("Bool");
        assertThat(explanation.getString("trustStatements[0].failedCondition.key"))
                .isEqualTo(CLAIM_PREFIX + "email_verified");
        assertThat(explanation.getList("trustStatements[0].failedCondition.values")).containsExactly("true");
        assertThat(explanation.getList("advice", String.class)).anySatisfy(advice -> assertThat(advice)
                .contains("condition Bool on " + CLAIM_PREFIX + "email_verified expected [true]"));
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void sessionTagsWithoutTagSessionAreRefusedAdvisingToAddIt() {
        JsonPath explanation = explain(StaticIdpResource.NO_TAGS_ROLE, idp.signed(idp.token()));

        assertThat(explanation.getString("errorCode")).isEqualTo("AccessDenied");
        assertThat(check(explanation, "trust policy")).containsEntry("status", "passed");
        assertThat(check(explanation, "session tags permission")).containsEntry("status", "failed");
        assertThat(explanation.getList("advice", String.class))
                .contains("add 'sts:TagSession' to statement AppOnly");
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void anUnknownRoleFailsTheRoleCheck() {
        JsonPath explanation = explain("arn:aws:iam::555555555555:role/missing", idp.signed(idp.token()));

        assertThat(explanation.getString("errorCode")).isEqualTo("AccessDenied");
        assertThat(check(explanation, "role exists")).containsEntry("status", "failed");
    }

    @Test
    @TestSecurity(user = "reader", roles = "stsgate-auditor")
    void aRequestWithBothProofsIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("roleArn", StaticIdpResource.APP_ROLE,
                "webIdentityToken", "a.b.c", "samlAssertion", "PHg+")).post("/admin/v1/explain").then()
                .statusCode(400).body("error.field", equalTo("webIdentityToken"));
    }

    @Test
    @TestSecurity(user = "someone", roles = "developer")
    void aCallerWithoutAnAdminRoleIsForbidden() {
        given().contentType(ContentType.JSON).body(Map.of("roleArn", StaticIdpResource.APP_ROLE,
                "webIdentityToken", "a.b.c")).post("/admin/v1/explain").then().statusCode(403);
    }
}
