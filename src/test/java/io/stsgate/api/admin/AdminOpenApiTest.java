package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes the admin API: operations with summaries, their answers, the bearer scheme. */
@QuarkusTest
class AdminOpenApiTest {

    private static final String ROLE = "paths.'/admin/v1/accounts/{accountId}/roles/{roleName}'";

    @Test
    void documentsEveryOperationWithItsSecurity() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(ROLE + ".put.summary", equalTo("Replace a role"))
                .body(ROLE + ".put.responses.'412'.description", notNullValue())
                .body(ROLE + ".put.security.bearer", hasItem(notNullValue()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/admin/v1/accounts/{accountId}/users/{userName}/access-keys'.post.summary",
                        equalTo("Create an access key"))
                .body("paths.'/admin/v1/directory'.put.summary", equalTo("Apply a directory file"));
    }
}
