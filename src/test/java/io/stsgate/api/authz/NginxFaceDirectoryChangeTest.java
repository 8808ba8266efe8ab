package io.stsgate.api.authz;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.authz.DecisionRequests.sign;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestSigner;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The nginx face reads HTTP APIs and buckets from the directory on every request: what the admin API creates,
 * replaces or deletes applies to the next request, without a restart.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "stsgate-admin")
class NginxFaceDirectoryChangeTest {

    private static final String KEY = "test-nginx-key";

    @TestHTTPResource("/")
    URL url;

    /** nginx's subrequest for a request signed by {@code caller}. */
    private static ValidatableResponse ask(String face, SdkHttpMethod method, String uri,
            AwsCredentialsIdentity caller) {
        var received = sign(method, URI.create(uri), new byte[0], caller, "s3", true);
        var spec = given().header("X-Stsgate-Key", KEY).header("X-Original-Method", received.method())
                .header("X-Original-URI", received.uri().getRawPath());
        for (var header : received.headers().entrySet()) {
            String name = switch (header.getKey().toLowerCase(java.util.Locale.ROOT)) {
                case "host" -> "X-Original-Host";
                case "authorization" -> "X-Original-Authorization";
                case "content-length" -> "X-Original-Content-Length";
                default -> header.getKey();
            };
            for (String value : header.getValue()) {
                spec = spec.header(name, value);
            }
        }
        return spec.get(face).then();
    }

    private static Map<String, Object> api(String name, String action) {
        return Map.of("name", name, "service", "s3", "routes", List.of(Map.of("method", "GET", "path",
                "/docs/{path+}", "action", action, "resource", "arn:aws:s3:::dev-bucket/files/{path}")));
    }

    @Test
    void anApiCreatedReplacedAndDeletedThroughTheAdminApiAppliesToTheNextRequest() {
        var alice = TestSigner.longTerm(Demo.ALICE_KEY_ID, Demo.ALICE_SECRET);
        String name = "docs-" + UUID.randomUUID().toString().substring(0, 8);
        String face = "/authz/v1/nginx/apis/" + name;
        String uri = "http://docs.example/docs/a/b.txt";
        ask(face, SdkHttpMethod.GET, uri, alice).statusCode(403)
                .header("X-Stsgate-Deny-Reason", containsString("no API &apos;" + name + "&apos; in the directory"));

        given().contentType(ContentType.JSON).body(api(name, "s3:GetObject")).post("/admin/v1/apis").then()
                .statusCode(201);
        ask(face, SdkHttpMethod.GET, uri, alice).statusCode(200).header("X-Stsgate-Operation", "s3:GetObject")
                .header("X-Stsgate-Principal-Arn", Demo.ALICE_ARN);

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(api(name, "s3:DeleteObject"))
                .put("/admin/v1/apis/" + name).then().statusCode(200);
        ask(face, SdkHttpMethod.GET, uri, alice).statusCode(403).header("X-Stsgate-Error-Code", "AccessDenied")
                .header("X-Stsgate-Deny-Reason", containsString("s3:DeleteObject"));

        given().header("If-Match", "\"2\"").delete("/admin/v1/apis/" + name).then().statusCode(204);
        ask(face, SdkHttpMethod.GET, uri, alice).statusCode(403)
                .header("X-Stsgate-Deny-Reason", containsString("no API &apos;" + name + "&apos;"));
    }

    @Test
    void aBucketDeclaredThroughTheAdminApiBringsItsOwnerToTheNextRequest() throws Exception {
        AwsCredentialsIdentity partner;
        try (var sts = TestClients.alice(url.toURI())) {
            var credentials = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("bucket-change")
                    .externalId(Demo.EXTERNAL_ID)).credentials();
            partner = TestSigner.session(credentials.accessKeyId(), credentials.secretAccessKey(),
                    credentials.sessionToken());
        }
        String bucket = "notes-" + UUID.randomUUID().toString().substring(0, 8);
        String uri = "http://storage.example/" + bucket + "/q1.csv";
        // Not declared: the caller's own bucket, and its role reads every bucket.
        ask("/authz/v1/nginx/s3", SdkHttpMethod.GET, uri, partner).statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("name", bucket, "account", "111111111111"))
                .post("/admin/v1/buckets").then().statusCode(201);
        ask("/authz/v1/nginx/s3", SdkHttpMethod.GET, uri, partner).statusCode(403)
                .header("X-Stsgate-Deny-Reason", containsString("cross-account"));

        given().header("If-Match", "\"1\"").delete("/admin/v1/buckets/" + bucket).then().statusCode(204);
        ask("/authz/v1/nginx/s3", SdkHttpMethod.GET, uri, partner).statusCode(200);
    }
}
