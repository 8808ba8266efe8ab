package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static io.stsgate.api.admin.AdminFixtures.createUser;
import static io.stsgate.api.admin.AdminFixtures.json;
import static io.stsgate.api.admin.AdminFixtures.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.stsgate.directory.store.StoredDirectory;
import io.stsgate.testsupport.Demo;

/** Export the store as a directory file, apply a file (or only plan it), and the round trip between the two. */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class DirectoryFileResourceTest {

    private static final String DIRECTORY = "/admin/v1/directory";
    private static final YAMLMapper YAML = new YAMLMapper();

    @Inject
    StoredDirectory directory;

    @Test
    void theExportIsADirectoryFileWithoutSecrets() {
        String export = given().get(DIRECTORY).then().statusCode(200).contentType(containsString("application/yaml"))
                .extract().asString();

        assertThat(export).startsWith("accounts:").contains("111111111111").contains(Demo.ALICE_KEY_ID)
                .doesNotContain(Demo.ALICE_SECRET).doesNotContain("JBSWY3DPEHPK3PXP").doesNotContain("secret:")
                .doesNotContain("seed:");
    }

    @Test
    void applyingAnExportChangesNothing() {
        String account = createAccount();
        createRole(account, role(account, "exported", "\"path\": \"/x/\", \"tags\": {}")).statusCode(201);
        String users = ACCOUNTS + "/" + account + "/users/";
        createUser(account, "rita");
        String secret = json().post(users + "rita/access-keys").then().statusCode(201).extract().jsonPath()
                .getString("secretAccessKey");
        json().body("{\"name\": \"rita\"}").post(users + "rita/mfa-devices").then().statusCode(201);
        String roleId = given().get(ACCOUNTS + "/" + account + "/roles/exported").then().statusCode(200).extract()
                .jsonPath().getString("roleId");
        String userId = given().get(users + "rita").then().statusCode(200).extract().jsonPath().getString("userId");
        String export = given().get(DIRECTORY).then().statusCode(200).extract().asString();
        assertThat(export).contains("roleId: " + roleId).contains("userId: " + userId);

        AdminFixtures.yaml(export).put(DIRECTORY).then().statusCode(200)
                .body("dryRun", equalTo(false)).body("changes.size()", equalTo(0))
                .body("plan", equalTo("no changes\n"));

        assertThat(directory.snapshot().accessKeys().stream().filter(k -> k.secret().equals(secret))).hasSize(1);
        assertThat(directory.role("arn:aws:iam::" + account + ":role/x/exported").orElseThrow().roleId())
                .isEqualTo(roleId);
    }

    @Test
    void aDryRunReportsThePlanAndChangesNothing() throws Exception {
        ObjectNode file = export();
        String account = AdminFixtures.newAccountId();
        accounts(file).addObject().put("id", account).put("name", "planned");
        String description = accountInFile(file, "111111111111").get("name").asText();
        ((ObjectNode) accountInFile(file, "111111111111")).put("name", description + "-renamed");

        JsonPath plan = AdminFixtures.yaml(YAML.writeValueAsString(file))
                .queryParam("dryRun", "true").put(DIRECTORY).then().statusCode(200).body("dryRun", equalTo(true))
                .extract().jsonPath();

        assertThat(plan.getList("changes", Map.class)).contains(
                Map.of("action", "create", "kind", "account", "key", account),
                Map.of("action", "update", "kind", "account", "key", "111111111111"));
        assertThat(plan.getString("plan")).contains("+ account " + account).contains("~ account 111111111111");
        given().get(ACCOUNTS + "/" + account).then().statusCode(404);
        given().get(ACCOUNTS + "/111111111111").then().statusCode(200).body("name", equalTo(description));
    }

    @Test
    void aFileIsAppliedCreatingUpdatingAndDeletingEntries() throws Exception {
        String account = AdminFixtures.newAccountId();
        ObjectNode file = export();
        ObjectNode added = accounts(file).addObject().put("id", account).put("name", "declared");
        ObjectNode role = YAML.createObjectNode().put("name", "declared-role");
        role.set("trustPolicy", YAML.readTree(role(account, "unused")).get("trustPolicy"));
        added.putArray("roles").add(role);

        AdminFixtures.yaml(YAML.writeValueAsString(file)).put(DIRECTORY).then()
                .statusCode(200).body("changes.key", hasItem("arn:aws:iam::" + account + ":role/declared-role"));
        given().get(ACCOUNTS + "/" + account + "/roles/declared-role").then().statusCode(200).header("ETag", "\"1\"");

        role.put("description", "from git");
        AdminFixtures.yaml(YAML.writeValueAsString(file)).put(DIRECTORY).then()
                .statusCode(200).body("changes", equalTo(List.of(Map.of("action", "update", "kind", "role", "key",
                        "arn:aws:iam::" + account + ":role/declared-role"))));
        given().get(ACCOUNTS + "/" + account + "/roles/declared-role").then().statusCode(200)
                .body("description", equalTo("from git"));

        added.remove("roles");
        AdminFixtures.yaml(YAML.writeValueAsString(file)).put(DIRECTORY).then()
                .statusCode(200).body("plan", equalTo("- role arn:aws:iam::" + account + ":role/declared-role\n"));
        given().get(ACCOUNTS + "/" + account + "/roles/declared-role").then().statusCode(404);
    }

    @Test
    void aFileThatDoesNotParseIsRefused() {
        AdminFixtures.yaml("accounts:\n  - id: \"123456789012\"\n    colour: blue\n")
                .put(DIRECTORY).then().statusCode(400).body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("colour"));
    }

    @Test
    void aDryRunOfAnInvalidDirectoryIsRefused() throws Exception {
        String account = AdminFixtures.newAccountId();
        ObjectNode file = export();
        accounts(file).addObject().put("id", account).putArray("roles").addObject().put("name", "no-trust");

        AdminFixtures.yaml(YAML.writeValueAsString(file)).queryParam("dryRun", "true")
                .put(DIRECTORY).then().statusCode(400).body("error.message", containsString("'no-trust': trustPolicy"));
        given().get(ACCOUNTS + "/" + account).then().statusCode(404);
    }

    @Test
    void anInvalidFileChangesNothing() throws Exception {
        String account = AdminFixtures.newAccountId();
        ObjectNode file = export();
        accounts(file).addObject().put("id", account).putArray("roles").addObject().put("name", "no-trust");

        AdminFixtures.yaml(YAML.writeValueAsString(file)).put(DIRECTORY).then()
                .statusCode(400).body("error.message", containsString("'no-trust': trustPolicy"));
        given().get(ACCOUNTS + "/" + account).then().statusCode(404);
    }

    @Test
    void anEmptyFileIsRefusedRatherThanDeletingEverything() {
        AdminFixtures.yaml("accounts: []\n").put(DIRECTORY).then().statusCode(400)
                .body("error.field", equalTo("accounts"));
        given().get(ACCOUNTS + "/111111111111").then().statusCode(200);
    }

    private static ObjectNode export() throws Exception {
        return (ObjectNode) YAML.readTree(given().get(DIRECTORY).then().statusCode(200).extract().asString());
    }

    private static ArrayNode accounts(ObjectNode file) {
        return (ArrayNode) file.get("accounts");
    }

    private static JsonNode accountInFile(ObjectNode file, String id) {
        for (JsonNode account : accounts(file)) {
            if (account.path("id").asText().equals(id)) {
                return account;
            }
        }
        throw new AssertionError("no account " + id + " in the export");
    }
}
