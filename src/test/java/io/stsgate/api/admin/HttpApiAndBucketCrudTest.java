package io.stsgate.api.admin;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.admin.AdminFixtures.createAccount;
import static io.stsgate.api.admin.AdminFixtures.etag;
import static io.stsgate.api.admin.AdminFixtures.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The nginx face's HTTP APIs and buckets through the admin API: CRUD with ETags like every kind, and refusals. */
@QuarkusTest
@TestSecurity(user = "admin", roles = AdminSecurity.ADMIN)
class HttpApiAndBucketCrudTest {

    private static final String APIS = "/admin/v1/apis";
    private static final String BUCKETS = "/admin/v1/buckets";

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> route(String path) {
        return Map.of("method", "GET", "path", path, "action", "orders:GetOrder", "resource",
                "arn:aws:execute-api:eu-west-1:111111111111:order/{orderId}");
    }

    private static Map<String, Object> api(String name, Map<String, Object> route) {
        return Map.of("name", name, "service", "execute-api", "routes", List.of(route));
    }

    private static Map<String, Object> bucket(String name, String account, Object policy) {
        var bucket = new HashMap<String, Object>(Map.of("name", name, "account", account));
        if (policy != null) {
            bucket.put("policy", policy);
        }
        return bucket;
    }

    private static final Map<String, Object> READ_POLICY = Map.of("Version", "2012-10-17", "Statement", List.of(
            Map.of("Effect", "Allow", "Principal", Map.of("AWS", "arn:aws:iam::222222222222:root"), "Action",
                    "s3:GetObject", "Resource", "arn:aws:s3:::*")));

    @Test
    void anApiIsCreatedReadReplacedListedExportedAndDeleted() {
        String name = unique("orders");
        json().body(api(name, route("/orders/{orderId}"))).post(APIS).then().statusCode(201)
                .header("Location", endsWith(APIS + "/" + name)).header("ETag", "\"1\"").body("key", equalTo(name))
                .body("arn", nullValue()).body("accountId", nullValue()).body("service", equalTo("execute-api"));
        given().get(APIS + "/" + name).then().statusCode(200).header("ETag", "\"1\"")
                .body("routes[0].path", equalTo("/orders/{orderId}"));

        json().header("If-Match", etag(APIS + "/" + name)).body(api(name, route("/v2/orders/{orderId}")))
                .put(APIS + "/" + name).then().statusCode(200).header("ETag", "\"2\"")
                .body("routes[0].path", equalTo("/v2/orders/{orderId}"));
        json().header("If-Match", "\"1\"").body(api(name, route("/v3/orders/{orderId}"))).put(APIS + "/" + name)
                .then().statusCode(412).body("error.code", equalTo("PreconditionFailed"));
        given().get(APIS).then().statusCode(200).body("items.name", hasItem(name));
        given().get("/admin/v1/directory").then().statusCode(200).body(containsString("apis:"))
                .body(containsString("path: \"/v2/orders/{orderId}\""));

        given().delete(APIS + "/" + name).then().statusCode(428);
        given().header("If-Match", "\"1\"").delete(APIS + "/" + name).then().statusCode(412);
        given().header("If-Match", "\"2\"").delete(APIS + "/" + name).then().statusCode(204);
        given().get(APIS + "/" + name).then().statusCode(404).body("error.code", equalTo("NotFound"));
        given().get(APIS).then().statusCode(200).body("items.name", not(hasItem(name)));
    }

    @Test
    void aBucketIsCreatedReadReplacedExportedAndDeleted() {
        String account = createAccount();
        String name = unique("reports");
        json().body(bucket(name, account, null)).post(BUCKETS).then().statusCode(201)
                .header("Location", endsWith(BUCKETS + "/" + name)).header("ETag", "\"1\"")
                .body("arn", equalTo("arn:aws:s3:::" + name)).body("account", equalTo(account));
        json().header("If-Match", etag(BUCKETS + "/" + name)).body(bucket(name, account, READ_POLICY))
                .put(BUCKETS + "/" + name).then().statusCode(200).header("ETag", "\"2\"")
                .body("policy.Statement[0].Action", equalTo("s3:GetObject"));
        json().header("If-Match", "\"1\"").body(bucket(name, account, null)).put(BUCKETS + "/" + name).then()
                .statusCode(412);
        given().get("/admin/v1/directory").then().statusCode(200).body(containsString("buckets:"))
                .body(containsString("name: " + name));

        given().header("If-Match", "\"2\"").delete(BUCKETS + "/" + name).then().statusCode(204);
        given().get(BUCKETS + "/" + name).then().statusCode(404);
    }

    @Test
    void aSecondApiOfTheSameNameIsAlreadyExists() {
        String name = unique("orders");
        json().body(api(name, route("/orders/{orderId}"))).post(APIS).then().statusCode(201);
        json().body(api(name, route("/orders/{orderId}"))).post(APIS).then().statusCode(409)
                .body("error.code", equalTo("AlreadyExists"));
    }

    @Test
    void aBadRouteTemplateIsRefusedWithTheEntry() {
        String name = unique("orders");
        json().body(api(name, route("/orders/id-{orderId}"))).post(APIS).then().statusCode(400)
                .body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("'" + name + "' > routes[0]: path: '/orders/id-{orderId}'"))
                .body("error.message", containsString("must be a literal or a whole {name}"));
        given().get(APIS + "/" + name).then().statusCode(404);
    }

    @Test
    void anUnknownFieldIsRefused() {
        var body = new HashMap<>(api(unique("orders"), route("/orders/{orderId}")));
        body.put("owner", "111111111111");
        json().body(body).post(APIS).then().statusCode(400).body("error.field", equalTo("owner"))
                .body("error.message", containsString("unknown field"));
    }

    @Test
    void aMalformedBucketPolicyIsMalformedPolicyDocument() {
        String account = createAccount();
        json().body(bucket(unique("reports"), account, Map.of("Statement", 3))).post(BUCKETS).then().statusCode(400)
                .body("error.code", equalTo("MalformedPolicyDocument"))
                .body("error.message", containsString("policy:"));
    }

    @Test
    void aBucketOfAnAccountThatDoesNotExistIsRefused() {
        json().body(bucket(unique("reports"), AdminFixtures.newAccountId(), null)).post(BUCKETS).then()
                .statusCode(400).body("error.code", equalTo("ValidationError"))
                .body("error.message", containsString("account: the owning account, an account of this directory"));
    }

    @Test
    void anAccountOwningABucketIsNotDeleted() {
        String account = createAccount();
        String name = unique("reports");
        json().body(bucket(name, account, null)).post(BUCKETS).then().statusCode(201);

        given().header("If-Match", etag(AdminFixtures.ACCOUNTS + "/" + account))
                .delete(AdminFixtures.ACCOUNTS + "/" + account).then().statusCode(409)
                .body("error.code", equalTo("DeleteConflict")).body("error.message", containsString("bucket " + name));
        given().get(BUCKETS + "/" + name).then().statusCode(200);
    }
}
