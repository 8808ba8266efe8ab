package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.ACCOUNTS;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.createRole;
import static io.stsgate.api.admin.AdminFixtures.createUser;
import static io.stsgate.api.admin.AdminFixtures.etag;
import static io.stsgate.api.admin.AdminFixtures.json;
import static io.stsgate.api.admin.AdminFixtures.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Create, read, replace, delete and list for every kind of entry, and each refusal with its own code. */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class AdminCrudTest {

    @Test
    void accountIsCreatedReadReplacedAndDeleted() {
        String id = AdminFixtures.newAccountId();
        json().body("{\"id\": \"" + id + "\", \"name\": \"first\"}").post(ACCOUNTS).then().statusCode(201)
                .header("Location", endsWith(ACCOUNTS + "/" + id)).header("ETag", "\"1\"")
                .body("key", equalTo(id)).body("arn", equalTo("arn:aws:iam::" + id + ":root"))
                .body("name", equalTo("first")).body("version", equalTo(1)).body("createdAt", notNullValue());

        given().get(ACCOUNTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("first"));
        json().header("If-Match", "\"1\"").body("{\"id\": \"" + id + "\", \"name\": \"renamed\"}")
                .put(ACCOUNTS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("renamed"));
        given().get(ACCOUNTS).then().statusCode(200).body("items.key", hasItem(id));
        given().header("If-Match", "\"2\"").delete(ACCOUNTS + "/" + id).then().statusCode(204);
        given().get(ACCOUNTS + "/" + id).then().statusCode(404).body("error.code", equalTo("NotFound"));
    }

    @Test
    void creatingAnExistingAccountIsAConflict() {
        String id = createAccount();

        json().body("{\"id\": \"" + id + "\"}").post(ACCOUNTS).then().statusCode(409)
                .body("error.code", equalTo("AlreadyExists"));
    }

    @Test
    void anUnknownFieldIsRefusedWithItsName() {
        json().body("{\"id\": \"" + AdminFixtures.newAccountId() + "\", \"colour\": \"blue\"}").post(ACCOUNTS).then()
                .statusCode(400).body("error.code", equalTo("ValidationError")).body("error.field", equalTo("colour"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedWithItsPath() {
        String account = createAccount();

        createRole(account, role(account, "typed", "\"maxSessionDuration\": \"long\"")).statusCode(400)
                .body("error.field", equalTo("maxSessionDuration"));
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        json().body("{not json").post(ACCOUNTS).then().statusCode(400).body("error.code", equalTo("ValidationError"));
    }

    @Test
    void anInvalidAccountIdIsRefusedByTheDirectoryRules() {
        json().body("{\"id\": \"12345\"}").post(ACCOUNTS).then().statusCode(400)
                .body("error.message", containsString("must be 12 digits"));
    }

    @Test
    void accountBodyWithChildrenIsRefused() {
        json().body("{\"id\": \"" + AdminFixtures.newAccountId() + "\", \"roles\": []}").post(ACCOUNTS).then()
                .statusCode(400).body("error.field", equalTo("roles"));
    }

    @Test
    void replacingAnAccountUnderAnotherIdIsRefused() {
        String id = createAccount();

        json().header("If-Match", "\"1\"").body("{\"id\": \"" + AdminFixtures.newAccountId() + "\"}")
                .put(ACCOUNTS + "/" + id).then().statusCode(400).body("error.field", equalTo("id"));
    }

    @Test
    void anAccountWithEntriesCannotBeDeleted() {
        String id = createAccount();
        createUser(id, "someone");

        given().header("If-Match", "\"1\"").delete(ACCOUNTS + "/" + id).then().statusCode(409)
                .body("error.code", equalTo("DeleteConflict"));
    }

    @Test
    void userIsCreatedReadReplacedListedAndDeleted() {
        String account = createAccount();
        String users = ACCOUNTS + "/" + account + "/users";
        json().body("{\"name\": \"dana\", \"path\": \"/ops/\", \"tags\": {\"team\": \"ops\"}}").post(users).then()
                .statusCode(201).header("Location", endsWith(users + "/dana"))
                .body("arn", equalTo("arn:aws:iam::" + account + ":user/ops/dana")).body("tags.team", equalTo("ops"));

        json().header("If-Match", "\"1\"").body("{\"name\": \"dana\", \"path\": \"/ops/\", \"tags\": {\"team\": \"sre\"}}")
                .put(users + "/dana").then().statusCode(200).body("tags.team", equalTo("sre")).body("version", equalTo(2));
        given().get(users).then().statusCode(200).body("items.name", hasItem("dana"));
        given().header("If-Match", "\"2\"").delete(users + "/dana").then().statusCode(204);
        given().get(users + "/dana").then().statusCode(404);
    }

    @Test
    void aSecondUserOfTheSameNameIsAConflictWhateverItsPath() {
        String account = createAccount();
        createUser(account, "erin");

        json().body("{\"name\": \"erin\", \"path\": \"/other/\"}").post(ACCOUNTS + "/" + account + "/users").then()
                .statusCode(409).body("error.code", equalTo("AlreadyExists")).body("error.field", equalTo("name"));
    }

    @Test
    void aUserIsNotCreatedInAMissingAccount() {
        json().body("{\"name\": \"nobody\"}").post(ACCOUNTS + "/" + AdminFixtures.newAccountId() + "/users").then()
                .statusCode(404).body("error.code", equalTo("NotFound"));
    }

    @Test
    void aUserBodyWithAccessKeysIsRefused() {
        String account = createAccount();

        json().body("{\"name\": \"frank\", \"accessKeys\": []}").post(ACCOUNTS + "/" + account + "/users").then()
                .statusCode(400).body("error.field", equalTo("accessKeys"));
    }

    @Test
    void aUserWithAnAccessKeyCannotBeDeleted() {
        String account = createAccount();
        String user = ACCOUNTS + "/" + account + "/users/" + createUser(account, "gina");
        json().post(user + "/access-keys").then().statusCode(201);

        given().header("If-Match", "\"1\"").delete(user).then().statusCode(409)
                .body("error.code", equalTo("DeleteConflict"));
    }

    @Test
    void roleIsCreatedWithItsPathReadReplacedAndDeleted() {
        String account = createAccount();
        String roles = ACCOUNTS + "/" + account + "/roles";
        createRole(account, role(account, "deployer", "\"path\": \"/ci/\", \"maxSessionDuration\": 7200"))
                .statusCode(201).header("ETag", "\"1\"")
                .body("arn", equalTo("arn:aws:iam::" + account + ":role/ci/deployer"))
                .body("trustPolicy.Statement[0].Action", equalTo("sts:AssumeRole"));

        json().header("If-Match", "\"1\"")
                .body(role(account, "deployer", "\"path\": \"/ci/\", \"description\": \"CI deploys\""))
                .put(roles + "/deployer").then().statusCode(200).body("description", equalTo("CI deploys"))
                .body("maxSessionDuration", equalTo(null));
        given().header("If-Match", "\"2\"").delete(roles + "/deployer").then().statusCode(204);
        given().get(roles + "/deployer").then().statusCode(404);
    }

    @Test
    void whatAGetReturnedCanBeSentBackWithChanges() throws Exception {
        String account = createAccount();
        String roleUrl = ACCOUNTS + "/" + account + "/roles/echo";
        createRole(account, role(account, "echo")).statusCode(201);
        var read = (com.fasterxml.jackson.databind.node.ObjectNode) JsonMapper.builder().build()
                .readTree(given().get(roleUrl).asString());
        read.put("description", "sent back");

        json().header("If-Match", "\"1\"").body(read.toString()).put(roleUrl).then().statusCode(200)
                .body("description", equalTo("sent back"));
    }

    @Test
    void anInvalidTrustPolicyIsRefusedNamingTheField() {
        String account = createAccount();

        createRole(account, "{\"name\": \"broken\", \"trustPolicy\": {\"Statement\": [{\"Effect\": \"Maybe\"}]}}")
                .statusCode(400).body("error.code", equalTo("MalformedPolicyDocument"))
                .body("error.message", containsString("'broken': trustPolicy"));
    }

    @Test
    void aTrustPolicyWithNotPrincipalIsRefusedOnCreateNamingStatementAndElement() {
        String account = createAccount();

        createRole(account, notPrincipalRole(account, "Allow")).statusCode(400)
                .body("error.code", equalTo("MalformedPolicyDocument"))
                .body("error.message", containsString("'open': trustPolicy: Statement 'Others' (index 0): element "
                        + "'NotPrincipal' is not allowed in a role trust policy"));
        given().get(ACCOUNTS + "/" + account + "/roles/open").then().statusCode(404);
    }

    @Test
    void aTrustPolicyWithNotPrincipalIsRefusedOnReplaceAndTheRoleIsUnchanged() {
        String account = createAccount();
        createRole(account, role(account, "open")).statusCode(201);

        json().header("If-Match", "\"1\"").body(notPrincipalRole(account, "Deny"))
                .put(ACCOUNTS + "/" + account + "/roles/open").then().statusCode(400)
                .body("error.code", equalTo("MalformedPolicyDocument"))
                .body("error.message", containsString("Statement 'Others' (index 0): element 'NotPrincipal' is not "
                        + "allowed in a role trust policy"));
        given().get(ACCOUNTS + "/" + account + "/roles/open").then().statusCode(200).header("ETag", "\"1\"")
                .body("trustPolicy.Statement[0].Principal.AWS", equalTo(account));
    }

    private static String notPrincipalRole(String account, String effect) {
        return """
                {"name": "open", "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "Others",
                  "Effect": "%s", "NotPrincipal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "sts:AssumeRole"}]}}
                """.formatted(effect, account);
    }

    @Test
    void aRoleWithoutANameIsRefused() {
        String account = createAccount();

        createRole(account, "{\"trustPolicy\": {}}").statusCode(400).body("error.field", equalTo("name"));
    }

    @Test
    void aRoleCannotBeRenamedByPut() {
        String account = createAccount();
        createRole(account, role(account, "before")).statusCode(201);

        json().header("If-Match", "\"1\"").body(role(account, "after")).put(ACCOUNTS + "/" + account + "/roles/before")
                .then().statusCode(400).body("error.field", equalTo("name"));
    }

    @Test
    void aRolePathCannotChange() {
        String account = createAccount();
        createRole(account, role(account, "fixed", "\"path\": \"/a/\"")).statusCode(201);

        json().header("If-Match", "\"1\"").body(role(account, "fixed", "\"path\": \"/b/\""))
                .put(ACCOUNTS + "/" + account + "/roles/fixed").then().statusCode(400)
                .body("error.field", equalTo("path"));
    }

    @Test
    void aRoleNamingAMissingManagedPolicyIsRefused() {
        String account = createAccount();

        createRole(account, role(account, "dangling", "\"policies\": {\"managed\": [\"arn:aws:iam::" + account
                + ":policy/nothing\"]}")).statusCode(400).body("error.message", containsString("policies.managed[0]"));
    }

    @Test
    void managedPolicyIsCreatedAttachedAndOnlyDeletedOnceDetached() {
        String account = createAccount();
        String policies = ACCOUNTS + "/" + account + "/managed-policies";
        String arn = "arn:aws:iam::" + account + ":policy/read-objects";
        json().body("{\"name\": \"read-objects\", \"document\": " + AdminFixtures.policyDocument() + "}").post(policies)
                .then().statusCode(201).body("arn", equalTo(arn));
        createRole(account, role(account, "reader", "\"policies\": {\"managed\": [\"" + arn + "\"]}")).statusCode(201);

        given().header("If-Match", "\"1\"").delete(policies + "/read-objects").then().statusCode(409)
                .body("error.code", equalTo("DeleteConflict"));
        given().header("If-Match", "\"1\"").delete(ACCOUNTS + "/" + account + "/roles/reader").then().statusCode(204);
        given().header("If-Match", "\"1\"").delete(policies + "/read-objects").then().statusCode(204);
    }

    @Test
    void oidcProviderIsAddressedByHostAndPathRawOrEncoded() {
        String account = createAccount();
        String providers = ACCOUNTS + "/" + account + "/oidc-providers";
        String url = "https://idp-" + account + ".example.com/realms/main";
        json().body(Map.of("url", url, "clientIds", java.util.List.of("app"))).post(providers).then().statusCode(201)
                .body("arn", equalTo("arn:aws:iam::" + account + ":oidc-provider/idp-" + account
                        + ".example.com/realms/main"))
                .header("Location", endsWith(providers + "/idp-" + account + ".example.com/realms/main"));

        given().get(providers + "/idp-" + account + ".example.com/realms/main").then().statusCode(200)
                .body("url", equalTo(url));
        given().urlEncodingEnabled(false).get(providers + "/idp-" + account + ".example.com%2Frealms%2Fmain").then()
                .statusCode(200).body("url", equalTo(url));
        json().header("If-Match", "\"1\"").body(Map.of("url", url, "clientIds", java.util.List.of("app", "cli")))
                .put(providers + "/idp-" + account + ".example.com/realms/main").then().statusCode(200)
                .body("clientIds[1]", equalTo("cli"));
        given().header("If-Match", "\"2\"").delete(providers + "/idp-" + account + ".example.com/realms/main").then()
                .statusCode(204);
    }

    @Test
    void anOidcProviderUrlCannotChange() {
        String account = createAccount();
        String providers = ACCOUNTS + "/" + account + "/oidc-providers";
        json().body(Map.of("url", "https://one-" + account + ".example.com", "clientIds", java.util.List.of("app")))
                .post(providers).then().statusCode(201);

        json().header("If-Match", "\"1\"")
                .body(Map.of("url", "https://two-" + account + ".example.com", "clientIds", java.util.List.of("app")))
                .put(providers + "/one-" + account + ".example.com").then().statusCode(400)
                .body("error.field", equalTo("url"));
    }

    @Test
    void aPlainHttpIssuerIsRefused() {
        String account = createAccount();

        json().body(Map.of("url", "http://idp.example.com", "clientIds", java.util.List.of("app")))
                .post(ACCOUNTS + "/" + account + "/oidc-providers").then().statusCode(400)
                .body("error.message", containsString("url: must begin with https://"));
    }

    @Test
    void samlProviderIsCreatedReadReplacedAndDeleted() {
        String account = createAccount();
        String providers = ACCOUNTS + "/" + account + "/saml-providers";
        var provider = Map.of("name", "corp", "entityId", "https://idp.example.com/saml", "signingCertificates",
                java.util.List.of(AdminFixtures.certificatePem()));
        json().body(provider).post(providers).then().statusCode(201)
                .body("arn", equalTo("arn:aws:iam::" + account + ":saml-provider/corp"));

        var rotated = Map.of("name", "corp", "entityId", "https://idp.example.com/saml", "signingCertificates",
                java.util.List.of(AdminFixtures.certificatePem(), AdminFixtures.certificatePem()));
        json().header("If-Match", etag(providers + "/corp")).body(rotated).put(providers + "/corp").then()
                .statusCode(200).body("signingCertificates.size()", equalTo(2));
        given().header("If-Match", "\"2\"").delete(providers + "/corp").then().statusCode(204);
    }

    @Test
    void aSamlProviderWithoutCertificatesIsRefused() {
        String account = createAccount();

        json().body(Map.of("name", "bare", "entityId", "https://idp.example.com/saml"))
                .post(ACCOUNTS + "/" + account + "/saml-providers").then().statusCode(400)
                .body("error.message", containsString("signingCertificates"));
    }

    @Test
    void readingAMissingRoleIsNotFound() {
        String account = createAccount();

        given().get(ACCOUNTS + "/" + account + "/roles/ghost").then().statusCode(404)
                .body("error.code", equalTo("NotFound"));
    }
}
