package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static io.stsgate.api.admin.AdminFixtures.json;
import static io.stsgate.api.admin.AdminFixtures.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Two administrators cannot silently overwrite each other: every change names the version it was made from. */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class AdminConcurrencyTest {

    @Test
    void ofTwoAdministratorsWhoReadTheSameVersionTheSecondWriterGets412() {
        String account = createAccount();
        String url = ACCOUNTS + "/" + account + "/roles/shared";
        createRole(account, role(account, "shared")).statusCode(201);

        String firstRead = given().get(url).then().statusCode(200).extract().header("ETag");
        String secondRead = given().get(url).then().statusCode(200).extract().header("ETag");
        assertThat(firstRead).isEqualTo(secondRead).isEqualTo("\"1\"");

        json().header("If-Match", firstRead).body(role(account, "shared", "\"description\": \"first\"")).put(url)
                .then().statusCode(200).header("ETag", "\"2\"");
        json().header("If-Match", secondRead).body(role(account, "shared", "\"description\": \"second\"")).put(url)
                .then().statusCode(412).body("error.code", equalTo("PreconditionFailed"));

        given().get(url).then().statusCode(200).header("ETag", "\"2\"").body("description", equalTo("first"));
    }

    @Test
    void aDeleteFromAStaleReadGets412() {
        String account = createAccount();
        String url = ACCOUNTS + "/" + account + "/roles/stale";
        createRole(account, role(account, "stale")).statusCode(201);
        json().header("If-Match", "\"1\"").body(role(account, "stale", "\"description\": \"changed\"")).put(url)
                .then().statusCode(200);

        given().header("If-Match", "\"1\"").delete(url).then().statusCode(412)
                .body("error.code", equalTo("PreconditionFailed"));
        given().get(url).then().statusCode(200);
    }

    @Test
    void aPutWithoutIfMatchGets428() {
        String account = createAccount();
        createRole(account, role(account, "unguarded")).statusCode(201);

        json().body(role(account, "unguarded")).put(ACCOUNTS + "/" + account + "/roles/unguarded").then()
                .statusCode(428).body("error.code", equalTo("PreconditionRequired"))
                .body("error.field", equalTo("If-Match"));
    }

    @Test
    void aDeleteWithoutIfMatchGets428() {
        String account = createAccount();

        given().delete(ACCOUNTS + "/" + account).then().statusCode(428).body("error.code", equalTo("PreconditionRequired"));
        given().get(ACCOUNTS + "/" + account).then().statusCode(200);
    }

    @Test
    void aWildcardIfMatchIsRefused() {
        String account = createAccount();

        given().header("If-Match", "*").delete(ACCOUNTS + "/" + account).then().statusCode(400)
                .body("error.field", equalTo("If-Match"));
    }

    @Test
    void aMalformedIfMatchIsRefused() {
        String account = createAccount();

        given().header("If-Match", "version one").delete(ACCOUNTS + "/" + account).then().statusCode(400)
                .body("error.field", equalTo("If-Match"));
    }
}
