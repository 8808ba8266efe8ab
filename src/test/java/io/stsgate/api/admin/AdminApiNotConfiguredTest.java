package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Without quarkus.oidc configured (the test profile, like a fresh install) the admin API refuses everyone with a 401
 * whose body names the switch to set, with or without a token.
 */
@QuarkusTest
class AdminApiNotConfiguredTest {

    @Test
    void aCallWithoutATokenIsToldToConfigure() {
        given().get(ACCOUNTS).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"stsgate\""))
                .body("error.code", equalTo("AuthenticationNotConfigured"))
                .body("error.message", containsString("quarkus.oidc.tenant-enabled=true"));
    }

    @Test
    void aCallWithATokenIsToldToConfigure() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get(ACCOUNTS).then().statusCode(401)
                .body("error.code", equalTo("AuthenticationNotConfigured"));
    }
}
