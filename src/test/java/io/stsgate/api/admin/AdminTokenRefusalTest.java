package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stsgate.testsupport.TestJwts;

/**
 * Every reason quarkus-oidc refuses a bearer token gets its own 401 body in the admin API's error JSON and an RFC 6750
 * challenge, on the admin API and on the decision API: no token, a malformed one, one signed with another key, an
 * expired one, one for another audience. The body never quotes the token.
 */
@QuarkusTest
@WithTestResource(AdminTokenIssuerResource.class)
class AdminTokenRefusalTest {

    private static final String DEMO_ROLE = ACCOUNTS + "/111111111111/roles/developer";
    private static final String INVALID_TOKEN_CHALLENGE = "error=\"invalid_token\"";

    /** An access token as Keycloak issues it to a client with the admin API's audience mapper. */
    private static TestJwts.IdToken accessToken(Instant now) {
        return TestJwts.idToken(AdminTokenIssuerResource.ISSUER, "stsgate-web", now)
                .claim("typ", "Bearer")
                .claim("aud", List.of("stsgate-admin-api", "account"))
                .claim("realm_access", Map.of("roles", List.of(AdminSecurity.ADMIN)));
    }

    private static String signed(TestJwts.IdToken token) throws Exception {
        return token.sign("RS256", AdminTokenIssuerResource.KEY_ID, AdminTokenIssuerResource.signingKey());
    }

    private static ValidatableResponse refused(String token, String path, String code) {
        return given().auth().oauth2(token).get(path).then().statusCode(401)
                .contentType("application/json")
                .body("error.code", equalTo(code))
                .body(not(containsString(token)))
                .body(not(containsString(TestJwts.SUBJECT)));
    }

    @Test
    void aValidTokenReads() throws Exception {
        given().auth().oauth2(signed(accessToken(Instant.now()))).get(DEMO_ROLE).then().statusCode(200)
                .body("name", equalTo("developer"));
    }

    @Test
    void noTokenIsAMissingToken() {
        given().get(DEMO_ROLE).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"stsgate\""))
                .header("Cache-Control", "no-store")
                .body("error.code", equalTo("MissingAuthenticationToken"))
                .body("error.message", containsString("Authorization: Bearer"));
    }

    @Test
    void aMalformedTokenIsInvalid() {
        refused("not-a-jwt", DEMO_ROLE, "InvalidToken")
                .header("WWW-Authenticate", containsString(INVALID_TOKEN_CHALLENGE))
                .body("error.message", containsString("malformed"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = accessToken(Instant.now())
                .sign("RS256", AdminTokenIssuerResource.KEY_ID, generator.generateKeyPair().getPrivate());

        refused(forged, DEMO_ROLE, "InvalidToken").header("WWW-Authenticate", containsString(INVALID_TOKEN_CHALLENGE));
    }

    @Test
    void anExpiredTokenIsExpired() throws Exception {
        String expired = signed(accessToken(Instant.now().minusSeconds(3600)));

        refused(expired, DEMO_ROLE, "ExpiredToken")
                .header("WWW-Authenticate", containsString("The token expired"))
                .body("error.message", containsString("expired"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String otherAudience = signed(accessToken(Instant.now()).claim("aud", List.of("account")));

        refused(otherAudience, DEMO_ROLE, "InvalidAudience")
                .header("WWW-Authenticate", containsString("another audience"))
                .body("error.message", containsString("stsgate-admin-api"));
    }

    @Test
    void theDecisionApiAnswersTheSame() throws Exception {
        given().contentType("application/json").body("{}").post("/authz/v1/decisions").then().statusCode(401)
                .body("error.code", equalTo("MissingAuthenticationToken"));
        String expired = signed(accessToken(Instant.now().minusSeconds(3600)));
        given().auth().oauth2(expired).contentType("application/json").body("{}").post("/authz/v1/decisions").then()
                .statusCode(401).body("error.code", equalTo("ExpiredToken"));
    }
}
