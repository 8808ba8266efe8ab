package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.json;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.stsgate.testsupport.Demo;

/**
 * Who may do what, with identities set by the test framework: stsgate-admin everything, stsgate-auditor GET only,
 * an authenticated caller without either role nothing (403), an anonymous caller nothing (401). The same matrix with
 * real Keycloak tokens is in {@link AdminKeycloakTest}.
 */
@QuarkusTest
class AdminAuthorizationTest {

    private static final String DEMO_ACCOUNT = ACCOUNTS + "/111111111111";
    private static final String DEMO_ROLE = DEMO_ACCOUNT + "/roles/developer";

    @Test
    @TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
    void adminReads() {
        given().get(DEMO_ROLE).then().statusCode(200).body("arn", equalTo(Demo.DEVELOPER_ROLE));
    }

    @Test
    @TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
    void adminWrites() {
        json().body("{\"id\": \"" + AdminFixtures.newAccountId() + "\"}").post(ACCOUNTS).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void auditorReadsEntries() {
        given().get(DEMO_ROLE).then().statusCode(200);
        given().get(DEMO_ACCOUNT + "/users").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void auditorExportsTheDirectory() {
        given().get("/admin/v1/directory").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void auditorCannotCreate() {
        json().body("{\"id\": \"" + AdminFixtures.newAccountId() + "\"}").post(ACCOUNTS).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void auditorCannotReplace() {
        json().header("If-Match", "\"1\"").body("{\"id\": \"111111111111\"}").put(DEMO_ACCOUNT).then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void auditorCannotDelete() {
        given().header("If-Match", "\"1\"").delete(DEMO_ROLE).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor", roles = AdminSecurity.AUDITOR)
    void auditorCannotApplyADirectoryFile() {
        AdminFixtures.yaml("accounts: []").put("/admin/v1/directory").then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "someone", roles = "engineering")
    void aCallerWithoutAnAdminRoleCannotRead() {
        given().get(DEMO_ROLE).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "someone", roles = "engineering")
    void aCallerWithoutAnAdminRoleCannotWrite() {
        json().body("{\"id\": \"" + AdminFixtures.newAccountId() + "\"}").post(ACCOUNTS).then().statusCode(403);
    }

    @Test
    void anAnonymousCallerCannotRead() {
        given().get(DEMO_ROLE).then().statusCode(401);
    }

    @Test
    void anAnonymousCallerCannotWrite() {
        json().body("{\"id\": \"" + AdminFixtures.newAccountId() + "\"}").post(ACCOUNTS).then().statusCode(401);
    }
}
