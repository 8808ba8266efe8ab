package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;

import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.stsgate.directory.PemCertificates;
import io.stsgate.testsupport.TestCertificates;

/**
 * Requests and bodies for admin API tests. Test classes share one application (and store), so every test works in
 * an account of its own.
 */
final class AdminFixtures {

    static final String ACCOUNTS = "/admin/v1/accounts";

    private AdminFixtures() {
    }

    /** A fresh account id, away from the demo directory's. */
    static String newAccountId() {
        return "9" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    /** Creates an account and returns its id. */
    static String createAccount() {
        String id = newAccountId();
        json().body("{\"id\": \"" + id + "\", \"name\": \"test-" + id + "\"}").post(ACCOUNTS).then().statusCode(201);
        return id;
    }

    /** A request with a YAML body, sent as its UTF-8 bytes (REST Assured has no YAML encoder). */
    static RequestSpecification yaml(String body) {
        return given().contentType("application/yaml").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String createUser(String accountId, String userName) {
        json().body("{\"name\": \"" + userName + "\"}").post(ACCOUNTS + "/" + accountId + "/users").then()
                .statusCode(201);
        return userName;
    }

    static ValidatableResponse createRole(String accountId, String roleJson) {
        return json().body(roleJson).post(ACCOUNTS + "/" + accountId + "/roles").then();
    }

    /** A role trusting its own account, as JSON. */
    static String role(String accountId, String name, String extraFields) {
        return """
                {"name": "%s", %s
                 "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole"}]}}
                """.formatted(name, extraFields.isEmpty() ? "" : extraFields + ",", accountId);
    }

    static String role(String accountId, String name) {
        return role(accountId, name, "");
    }

    static String policyDocument() {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
                + "\"Resource\": \"*\"}]}";
    }

    static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A throw-away self-signed IdP certificate (RSA-2048), as PEM. */
    static String certificatePem() {
        return PemCertificates.pem(TestCertificates.rsa2048("CN=idp.example.com").certificate());
    }
}
