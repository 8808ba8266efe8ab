package io.stsgate.api.authz;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stsgate.testsupport.ManagementInterface;

/** The OpenAPI document describes the decision API: the JSON face with its bearer scheme, the nginx face with its key. */
@QuarkusTest
class DecisionOpenApiTest {

    private static final String DECISIONS = "paths.'/authz/v1/decisions'.post";
    private static final String NGINX_S3 = "paths.'/authz/v1/nginx/s3'.get";
    private static final String NGINX_API = "paths.'/authz/v1/nginx/apis/{name}'.get";

    @Test
    void documentsTheJsonAndTheNginxFaceWithTheirSecurity() {
        ManagementInterface.request().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(DECISIONS + ".summary", containsString("SigV4-signed request"))
                .body(DECISIONS + ".security.bearer", hasItem(notNullValue()))
                .body(DECISIONS + ".responses.'401'.description", notNullValue())
                .body(NGINX_S3 + ".summary", containsString("S3 REST request"))
                .body(NGINX_S3 + ".security.nginxKey", hasItem(notNullValue()))
                .body(NGINX_S3 + ".responses.'403'.description", containsString("X-Stsgate-Error"))
                .body(NGINX_API + ".summary", containsString("declared HTTP API"))
                .body("components.securitySchemes.nginxKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.nginxKey.name", equalTo("X-Stsgate-Key"))
                .body("components.securitySchemes.nginxKey.in", equalTo("header"));
    }
}
