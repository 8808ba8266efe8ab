package io.stsgate.api.authz;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Only services with realm role stsgate-decider may ask for decisions. */
@QuarkusTest
class DecisionSecurityTest {

    private static final String PATH = "/authz/v1/decisions";
    private static final String BODY = "{\"service\": \"s3\"}";

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(BODY).post(PATH).then().statusCode(401);
    }

    @Test
    void aGarbageBearerTokenIs401() {
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(BODY).post(PATH).then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "admin", roles = "stsgate-admin")
    void anAdminWithoutTheDeciderRoleIs403() {
        given().contentType(ContentType.JSON).body(BODY).post(PATH).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "storage-service", roles = DeciderSecurity.DECIDER)
    void aDeciderIsHeard() {
        given().contentType(ContentType.JSON).body(BODY).post(PATH).then().statusCode(400);
    }
}
