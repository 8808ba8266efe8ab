package io.stsgate.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsgate.testsupport.ManagementInterface;

/**
 * The OpenAPI document describes the admin API: operations with summaries, their answers, the bearer scheme, and
 * the body each change takes (the entry of the directory file, although the methods read it as text).
 */
@QuarkusTest
class AdminOpenApiTest {

    private static final String ROLES = "paths.'/admin/v1/accounts/{accountId}/roles'";
    private static final String ROLE = "paths.'/admin/v1/accounts/{accountId}/roles/{roleName}'";
    private static final String DEVICES = "paths.'/admin/v1/accounts/{accountId}/users/{userName}/mfa-devices'";
    private static final String DEVICE = "paths.'/admin/v1/accounts/{accountId}/users/{userName}/mfa-devices/{deviceName}'";
    private static final String JSON = "content.'application/json'.schema";

    @Test
    void documentsEveryOperationWithItsSecurity() {
        ManagementInterface.request().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(ROLE + ".put.summary", equalTo("Replace a role"))
                .body(ROLE + ".put.responses.'412'.description", notNullValue())
                .body(ROLE + ".put.security.bearer", hasItem(notNullValue()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/admin/v1/accounts/{accountId}/users/{userName}/access-keys'.post.summary",
                        equalTo("Create an access key"))
                .body("paths.'/admin/v1/directory'.put.summary", equalTo("Apply a directory file"));
    }

    @Test
    void aRoleIsCreatedAndReplacedWithTheRoleOfTheDirectoryFile() {
        JsonPath openApi = openApi();

        assertThat(openApi.getBoolean(ROLES + ".post.requestBody.required")).isTrue();
        assertThat(openApi.getBoolean(ROLE + ".put.requestBody.required")).isTrue();
        Map<String, Object> properties = properties(openApi, openApi.getString(ROLES + ".post.requestBody." + JSON
                + ".$ref"));
        assertThat(properties).containsKeys("name", "path", "trustPolicy", "policies", "maxSessionDuration");
        assertThat(properties(openApi, ((Map<?, ?>) properties.get("trustPolicy")).get("$ref").toString()))
                .as("a policy document is any JSON, not the getters of Jackson's JsonNode").isNull();
        assertThat(openApi.getString(ROLE + ".put.requestBody." + JSON + ".$ref"))
                .isEqualTo(openApi.getString(ROLES + ".post.requestBody." + JSON + ".$ref"));
    }

    @Test
    void anMfaDeviceIsCreatedWithANameAndReseededWithAnOptionalBody() {
        JsonPath openApi = openApi();

        assertThat(openApi.getBoolean(DEVICES + ".post.requestBody.required")).isTrue();
        // OpenAPI's default for required is false, which the document may leave out
        assertThat(openApi.<Boolean> get(DEVICE + ".put.requestBody.required")).isNotEqualTo(Boolean.TRUE);
        assertThat(openApi.getString(DEVICE + ".put.summary")).isEqualTo("Re-seed an MFA device");
        assertThat(properties(openApi, openApi.getString(DEVICE + ".put.requestBody." + JSON + ".$ref")))
                .containsKey("name");
    }

    @Test
    void anMfaDeviceLockIsReadByBothRolesAndClearedByAdminsOnly() {
        JsonPath openApi = openApi();
        String lock = DEVICE.substring(0, DEVICE.length() - 1) + "/lock'";

        assertThat(openApi.getString(lock + ".get.summary")).isEqualTo("Read an MFA device's lock");
        assertThat(openApi.getString(lock + ".delete.summary")).isEqualTo("Clear an MFA device's lock");
        assertThat(openApi.getList(lock + ".delete.security.bearer")).isNotNull();
        assertThat(openApi.getString(lock + ".delete.responses.'204'.description")).isNotBlank();
        assertThat(properties(openApi, openApi.getString(lock + ".get.responses.'200'." + JSON + ".$ref")))
                .containsKeys("serialNumber", "locked", "lockedUntil", "failures", "lastFailureAt");
    }

    @Test
    void aDirectoryFileIsAppliedAsYamlOrJson() {
        JsonPath openApi = openApi();
        String content = "paths.'/admin/v1/directory'.put.requestBody.content";

        Map<String, Object> types = openApi.getMap(content);
        assertThat(types).containsKeys("application/yaml", "application/json");
        String ref = openApi.getString(content + ".'application/yaml'.schema.$ref");
        assertThat(openApi.getString(content + ".'application/json'.schema.$ref")).isEqualTo(ref);
        assertThat(properties(openApi, ref)).containsKey("accounts");
    }

    private static JsonPath openApi() {
        return ManagementInterface.request().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
    }

    /** The properties of the schema {@code ref} points to, such as {@code #/components/schemas/RoleEntry}. */
    private static Map<String, Object> properties(JsonPath openApi, String ref) {
        assertThat(ref).startsWith("#/components/schemas/");
        assertThat(openApi.getMap("components.schemas")).containsKey(ref.substring("#/components/schemas/".length()));
        return openApi.getMap("components.schemas." + ref.substring("#/components/schemas/".length()) + ".properties");
    }

    @Test
    void documentsRevocationsTheAuditTrailAndExplainWithTheirSecurity() {
        ManagementInterface.request().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/admin/v1/revocations'.post.summary", equalTo("Revoke credentials"))
                .body("paths.'/admin/v1/revocations'.post.security.bearer", hasItem(notNullValue()))
                .body("paths.'/admin/v1/revocations'.get.responses.'200'.description", notNullValue())
                .body("paths.'/admin/v1/audit-events'.get.summary", equalTo("Query the audit trail"))
                .body("paths.'/admin/v1/audit-events'.get.security.bearer", hasItem(notNullValue()))
                .body("paths.'/admin/v1/explain'.post.summary",
                        equalTo("Explain a verdict without issuing credentials"))
                .body("paths.'/admin/v1/explain'.post.security.bearer", hasItem(notNullValue()));
    }

}
