package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static io.stsgate.api.admin.AdminFixtures.createUser;
import static io.stsgate.api.admin.AdminFixtures.json;
import static io.stsgate.api.admin.AdminFixtures.role;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.stsgate.directory.Arns;
import io.stsgate.testsupport.CapturedLog;

/**
 * Every committed admin change leaves one JSON line on {@code stsgate.admin}: who, the method, what and its new
 * version. Never the body, never a secret; a refused change leaves nothing.
 */
@QuarkusTest
@TestSecurity(user = "root-of-trust", roles = AdminSecurity.ADMIN)
class AdminChangeLogTest {

    private static final JsonMapper JSON = new JsonMapper();

    private final CapturedLog adminLog = new CapturedLog("stsgate.admin");

    @BeforeEach
    void captureLog() {
        adminLog.attach();
    }

    @AfterEach
    void stopCapturing() {
        adminLog.detach();
    }

    @Test
    void aCreationNamesWhoWhatAndTheVersionButNotTheSecret() {
        String account = createAccount();
        createUser(account, "ada");
        var created = json().post(ACCOUNTS + "/" + account + "/users/ada/access-keys").then().statusCode(201)
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secretAccessKey");

        assertThat(linesAbout(id)).containsExactly(Map.of("principal", "root-of-trust", "method", "POST",
                "action", "create", "kind", "access-key", "key", id, "accountId", account, "version", "1"));
        assertThat(allLines()).noneMatch(line -> line.contains(secret));
    }

    @Test
    void aReplacementLogsTheNewVersionAndNotTheBody() {
        String account = createAccount();
        String arn = "arn:aws:iam::" + account + ":role/bea";
        createRole(account, role(account, "bea")).statusCode(201);

        json().header("If-Match", "\"1\"").body(role(account, "bea", "\"description\": \"marker-in-the-body\""))
                .put(ACCOUNTS + "/" + account + "/roles/bea").then().statusCode(200);

        assertThat(linesAbout(arn)).extracting(line -> line.get("action") + " " + line.get("method") + " "
                + line.get("version")).containsExactly("create POST 1", "update PUT 2");
        assertThat(allLines()).noneMatch(line -> line.contains("marker-in-the-body"))
                .noneMatch(line -> line.contains("sts:AssumeRole"));
    }

    @Test
    void reseedingAndDeletingADeviceNeverLogsASeed() {
        String account = createAccount();
        createUser(account, "cy");
        String devices = ACCOUNTS + "/" + account + "/users/cy/mfa-devices";
        String seed = json().body("{\"name\": \"cy-phone\"}").post(devices).then().statusCode(201).extract()
                .jsonPath().getString("base32StringSeed");
        String newSeed = json().header("If-Match", "\"1\"").put(devices + "/cy-phone").then().statusCode(200)
                .extract().jsonPath().getString("base32StringSeed");
        given().header("If-Match", "\"2\"").delete(devices + "/cy-phone").then().statusCode(204);

        assertThat(linesAbout(Arns.mfa(account, "cy-phone"))).extracting(line -> line.get("action") + " "
                + line.get("version")).containsExactly("create 1", "update 2", "delete null");
        assertThat(allLines()).noneMatch(line -> line.contains(seed) || line.contains(newSeed));
    }

    @Test
    void aRefusedChangeLogsNothing() {
        String account = createAccount();
        String arn = "arn:aws:iam::" + account + ":role/dee";
        createRole(account, role(account, "dee")).statusCode(201);

        json().header("If-Match", "\"7\"").body(role(account, "dee")).put(ACCOUNTS + "/" + account + "/roles/dee")
                .then().statusCode(412);
        json().header("If-Match", "\"1\"").body(role(account, "dee", "\"policies\": {\"managed\": "
                + "[\"arn:aws:iam::" + account + ":policy/missing\"]}")).put(ACCOUNTS + "/" + account + "/roles/dee")
                .then().statusCode(400);

        assertThat(linesAbout(arn)).extracting(line -> line.get("action")).containsExactly("create");
    }

    @Test
    void anAppliedDirectoryFileLogsEachEntryItChanged() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode file = (ObjectNode) yaml.readTree(given().get("/admin/v1/directory").then().statusCode(200)
                .extract().asString());
        String account = AdminFixtures.newAccountId();
        ((ArrayNode) file.get("accounts")).addObject().put("id", account)
                .put("name", "from-a-file");

        AdminFixtures.yaml(yaml.writeValueAsString(file)).put("/admin/v1/directory").then().statusCode(200);

        assertThat(linesAbout(account)).containsExactly(Map.of("principal", "root-of-trust", "method", "PUT",
                "action", "create", "kind", "account", "key", account, "accountId", account, "version", "1"));
    }

    @Test
    void aRevocationIsLoggedByItsId() {
        String sourceIdentity = "logged-" + AdminFixtures.newAccountId();
        String id = given().contentType(ContentType.JSON).body(Map.of("scope", "source-identity", "target",
                sourceIdentity, "reason", "marker-in-the-reason")).post("/admin/v1/revocations").then()
                .statusCode(201).extract().jsonPath().getString("id");

        assertThat(linesAbout(id)).extracting(line -> line.get("kind") + " " + line.get("action"))
                .containsExactly("revocation create");
        assertThat(allLines()).noneMatch(line -> line.contains("marker-in-the-reason"))
                .noneMatch(line -> line.contains(sourceIdentity));
    }

    private List<String> allLines() {
        return adminLog.messages();
    }

    /** The captured lines whose key is {@code key}, parsed, every value as text. */
    private List<Map<String, String>> linesAbout(String key) {
        List<Map<String, String>> about = new ArrayList<>();
        for (String line : allLines()) {
            JsonNode json;
            try {
                json = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            if (json.path("key").asText().equals(key)) {
                var fields = new LinkedHashMap<String, String>();
                json.properties().forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
                about.add(fields);
            }
        }
        return about;
    }
}
