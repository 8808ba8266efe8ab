package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.stsgate.testsupport.keycloak.DecodedJwt;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;

/**
 * The admin API against a real Keycloak, with access tokens of the password grant for the realm's users: alice holds
 * stsgate-admin, carol stsgate-auditor, bob neither. Tokens are verified by quarkus-oidc (signature, issuer, audience
 * stsgate-admin-api) and their realm roles become the caller's roles.
 */
@QuarkusTest
@RequiresKeycloak
@WithTestResource(AdminKeycloakResource.class)
class AdminKeycloakTest {

    private static final String DEMO_ROLE = ACCOUNTS + "/111111111111/roles/developer";

    private static String accessToken(KeycloakUser user) {
        return KeycloakServer.shared().tokens().accessTokenFor(user);
    }

    private static RequestSpecification as(KeycloakUser user) {
        return given().auth().oauth2(accessToken(user)).contentType(ContentType.JSON);
    }

    @Test
    void tokensOfTheWebClientAreForTheAdminApi() {
        DecodedJwt token = DecodedJwt.decode(accessToken(KeycloakUser.ALICE));

        assertThat(token.audiences()).contains("stsgate-admin-api");
        assertThat(token.claim("azp").asText()).isEqualTo("stsgate-web");
        assertThat(token.claim("realm_access").path("roles").toString()).contains(AdminSecurity.ADMIN);
    }

    @Test
    void anAdminCreatesARoleAndReplacesItWithIfMatch() {
        String account = AdminFixtures.newAccountId();
        as(KeycloakUser.ALICE).body("{\"id\": \"" + account + "\"}").post(ACCOUNTS).then().statusCode(201);
        String roles = ACCOUNTS + "/" + account + "/roles";

        String etag = as(KeycloakUser.ALICE).body(AdminFixtures.role(account, "from-keycloak")).post(roles).then()
                .statusCode(201).extract().header("ETag");
        as(KeycloakUser.ALICE).header("If-Match", etag)
                .body(AdminFixtures.role(account, "from-keycloak", "\"description\": \"by alice\""))
                .put(roles + "/from-keycloak").then().statusCode(200).body("description", equalTo("by alice"));
    }

    @Test
    void anAuditorReads() {
        as(KeycloakUser.CAROL).get(DEMO_ROLE).then().statusCode(200).body("name", equalTo("developer"));
    }

    @Test
    void anAuditorCannotWrite() {
        as(KeycloakUser.CAROL).body("{\"id\": \"" + AdminFixtures.newAccountId() + "\"}").post(ACCOUNTS).then()
                .statusCode(403);
    }

    @Test
    void aUserWithoutAnAdminRoleCannotRead() {
        as(KeycloakUser.BOB).get(DEMO_ROLE).then().statusCode(403);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get(DEMO_ROLE).then().statusCode(401).body("error.code", equalTo("MissingAuthenticationToken"));
    }

    @Test
    void anInvalidTokenIsUnauthorized() {
        String token = accessToken(KeycloakUser.ALICE);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        given().auth().oauth2(tampered).get(DEMO_ROLE).then().statusCode(401)
                .body("error.code", equalTo("InvalidToken"));
    }

    @Test
    void anIdTokenIsNotAnAccessTokenForTheAdminApi() {
        String idToken = KeycloakServer.shared().tokens().idTokenFor(KeycloakUser.ALICE);

        given().auth().oauth2(idToken).get(DEMO_ROLE).then().statusCode(401)
                .body("error.code", equalTo("InvalidAudience"));
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsUnauthorized() {
        String serviceToken = KeycloakServer.shared().tokens().clientCredentialsToken();

        given().auth().oauth2(serviceToken).get(DEMO_ROLE).then().statusCode(401)
                .body("error.code", equalTo("InvalidAudience"));
    }
}
