package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.etag;
import static io.stsgate.api.admin.AdminFixtures.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Workload associations through the admin API: CRUD with ETags like every kind, each refusal, and the export. */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class WorkloadAssociationCrudTest {

    private static String issuer(String account) {
        return "https://cluster-" + account + ".example.com";
    }

    /** An account with an OIDC provider (the cluster's issuer) and a role; returns the associations' URL. */
    private static String associations(String account) {
        json().body(Map.of("url", issuer(account), "clientIds", List.of("stsgate")))
                .post(ACCOUNTS + "/" + account + "/oidc-providers").then().statusCode(201);
        AdminFixtures.createRole(account, AdminFixtures.role(account, "payments-api")).statusCode(201);
        return ACCOUNTS + "/" + account + "/workload-associations";
    }

    private static Map<String, Object> association(String account, String name, String subject) {
        return Map.of("name", name, "provider", issuer(account), "subject", subject, "roleArn",
                "arn:aws:iam::" + account + ":role/payments-api", "clusterName", "prod-eu");
    }

    @Test
    void anAssociationIsCreatedReadReplacedListedExportedAndDeleted() {
        String account = createAccount();
        String associations = associations(account);

        json().body(association(account, "payments", "system:serviceaccount:payments:api")).post(associations).then()
                .statusCode(201).header("Location", endsWith(associations + "/payments")).header("ETag", "\"1\"")
                .body("key", equalTo(account + "/payments")).body("arn", nullValue())
                .body("subject", equalTo("system:serviceaccount:payments:api")).body("clusterName", equalTo("prod-eu"));
        given().get(associations + "/payments").then().statusCode(200).body("provider", equalTo(issuer(account)));

        var replaced = new java.util.HashMap<>(association(account, "payments", "system:serviceaccount:payments:api"));
        replaced.put("sessionDuration", 900);
        json().header("If-Match", etag(associations + "/payments")).body(replaced).put(associations + "/payments")
                .then().statusCode(200).header("ETag", "\"2\"").body("sessionDuration", equalTo(900));
        given().get(associations).then().statusCode(200).body("items.name", hasItem("payments"));
        given().get("/admin/v1/directory").then().statusCode(200)
                .body(containsString("workloadAssociations:"))
                .body(containsString("subject: system:serviceaccount:payments:api"));

        given().header("If-Match", "\"1\"").delete(associations + "/payments").then().statusCode(412);
        given().header("If-Match", "\"2\"").delete(associations + "/payments").then().statusCode(204);
        given().get(associations).then().statusCode(200).body("items.name", not(hasItem("payments")));
    }

    @Test
    void anAssociationOfAProviderTheAccountDoesNotHaveIsRefused() {
        String account = createAccount();
        String associations = associations(account);
        var body = new java.util.HashMap<>(association(account, "payments", "system:serviceaccount:payments:api"));
        body.put("provider", "https://unknown.example.com");

        json().body(body).post(associations).then().statusCode(400).body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("provider: must be the url of an OIDC provider"));
    }

    @Test
    void aRoleOfAnotherAccountIsRefused() {
        String account = createAccount();
        String associations = associations(account);
        var body = new java.util.HashMap<>(association(account, "payments", "system:serviceaccount:payments:api"));
        body.put("roleArn", "arn:aws:iam::123456789012:role/payments-api");

        json().body(body).post(associations).then().statusCode(400)
                .body("error.message", containsString("roleArn: must be the ARN of a role of this account"));
    }

    @Test
    void aSecondAssociationOfTheSameSubjectIsRefused() {
        String account = createAccount();
        String associations = associations(account);
        json().body(association(account, "first", "system:serviceaccount:payments:api")).post(associations).then()
                .statusCode(201);

        json().body(association(account, "second", "system:serviceaccount:payments:api")).post(associations).then()
                .statusCode(400).body("error.message", containsString("already maps"));
    }

    @Test
    void aSecondAssociationOfTheSameNameIsAConflict() {
        String account = createAccount();
        String associations = associations(account);
        json().body(association(account, "payments", "system:serviceaccount:payments:api")).post(associations).then()
                .statusCode(201);

        json().body(association(account, "payments", "system:serviceaccount:payments:other")).post(associations)
                .then().statusCode(409).body("error.code", equalTo("AlreadyExists"));
    }

    @Test
    void renamingIsRefused() {
        String account = createAccount();
        String associations = associations(account);
        json().body(association(account, "payments", "system:serviceaccount:payments:api")).post(associations).then()
                .statusCode(201);

        json().header("If-Match", "\"1\"").body(association(account, "renamed", "system:serviceaccount:payments:api"))
                .put(associations + "/payments").then().statusCode(400).body("error.field", equalTo("name"));
    }

    @Test
    void aSessionDurationUnderFifteenMinutesIsRefused() {
        String account = createAccount();
        String associations = associations(account);
        var body = new java.util.HashMap<>(association(account, "payments", "system:serviceaccount:payments:api"));
        body.put("sessionDuration", 60);

        json().body(body).post(associations).then().statusCode(400)
                .body("error.message", containsString("sessionDuration: must be between 900 and 43200"));
    }
}
