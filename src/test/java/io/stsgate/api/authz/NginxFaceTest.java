package io.stsgate.api.authz;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.authz.DecisionRequests.sign;
import static io.stsgate.api.authz.DecisionRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestSigner;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The nginx face as nginx's auth_request calls it (the original request in X-Original-* and the client's own headers,
 * the key in X-Stsgate-Key), with S3 requests signed by the AWS SDK v2's signer. Test profile: key
 * {@code test-nginx-key}, buckets and API of the demo directory, S3 domain {@code s3.storage.example}.
 */
@QuarkusTest
class NginxFaceTest {

    private static final String S3 = "/authz/v1/nginx/s3";
    private static final String KEY = "test-nginx-key";

    @TestHTTPResource("/")
    URL url;

    @Inject
    RecordingAuditSink audit;

    private AwsCredentialsIdentity partner;

    @BeforeEach
    void assumePartnerRole() throws Exception {
        Credentials credentials;
        try (var sts = TestClients.alice(url.toURI())) {
            credentials = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("nginx-test")
                    .externalId(Demo.EXTERNAL_ID)
                    .tags(Tag.builder().key("team").value("audit trail").build()))
                    .credentials();
        }
        partner = TestSigner.session(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** What the shipped nginx configuration sends for {@code received}. */
    private static RequestSpecification asNginx(DecisionRequests.Received received, String key) {
        RequestSpecification spec = given().header("X-Original-Method", received.method())
                .header("X-Original-URI", received.uri().getRawPath()
                        + (received.uri().getRawQuery() == null ? "" : "?" + received.uri().getRawQuery()))
                .header("X-Original-Remote-Addr", "203.0.113.7").header("X-Original-Scheme", "https");
        if (key != null) {
            spec = spec.header("X-Stsgate-Key", key);
        }
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
        return spec;
    }

    private static ValidatableResponse ask(String path, DecisionRequests.Received received) {
        return asNginx(received, KEY).get(path).then();
    }

    private DecisionRequests.Received signed(SdkHttpMethod method, String uri) {
        return sign(method, URI.create(uri), new byte[0], partner, "s3", true);
    }

    @Test
    void withoutNginxsKeyTheAnswerIs401AndSaysNothingAboutTheRequest() {
        var received = signed(SdkHttpMethod.GET, "http://storage.example/reports/q1.csv");

        asNginx(received, null).get(S3).then().statusCode(401).header("X-Stsgate-Error-Code", nullValue())
                .header("X-Stsgate-Principal-Arn", nullValue());
        asNginx(received, "wrong-key").get(S3).then().statusCode(401);
    }

    @Test
    void anAllowedGetNamesThePrincipalForUpstream() {
        ask(S3, signed(SdkHttpMethod.GET, "http://storage.example/reports/2026/q1.csv")).statusCode(200)
                .header("X-Stsgate-Operation", "GetObject")
                .header("X-Stsgate-Principal-Arn",
                        "arn:aws:sts::222222222222:assumed-role/partner-readonly/nginx-test")
                .header("X-Stsgate-Account", "222222222222")
                .header("X-Stsgate-Principal-Type", "AssumedRole")
                .header("X-Stsgate-Session-Tags", "team=audit%20trail")
                .header("X-Stsgate-Source-Identity", nullValue());
    }

    @Test
    void aVirtualHostedRequestNamesTheBucketFromTheHost() {
        ask(S3, signed(SdkHttpMethod.GET, "http://reports.s3.storage.example/?list-type=2&prefix=2026%2F"))
                .statusCode(200).header("X-Stsgate-Operation", "ListObjectsV2");
    }

    @Test
    void aWriteTheRoleDoesNotAllowIsAccessDeniedForTheClientWithTheReasonForNginxsLog() {
        var received = sign(SdkHttpMethod.PUT, URI.create("http://storage.example/reports/q1.csv"), utf8("x"),
                partner, "s3", true);

        String requestId = ask(S3, received).statusCode(403)
                .header("X-Stsgate-Error-Code", "AccessDenied")
                .header("X-Stsgate-Error-Message", "Access Denied")
                .header("X-Stsgate-Error-Status", "403")
                .header("X-Stsgate-Deny-Reason", containsString("PutObject"))
                .extract().header("X-Stsgate-Request-Id");
        assertThat(eventsOf(requestId)).extracting(AuditEvent::reason)
                .containsExactly(ReasonCode.DECISION_IMPLICIT_DENY);
    }

    @Test
    void aRequestReplayedToAnotherPathIsSignatureDoesNotMatch() {
        var received = signed(SdkHttpMethod.GET, "http://storage.example/reports/q1.csv").withPath("/reports/q2.csv");

        ask(S3, received).statusCode(403).header("X-Stsgate-Error-Code", "SignatureDoesNotMatch")
                .header("X-Stsgate-Error-Status", "403");
    }

    @Test
    void anUnknownAccessKeyIsS3sInvalidAccessKeyId() {
        var stranger = TestSigner.longTerm("AKIAZZZZZZZZZZZZZZZZ", "nobody-knows-this-secret-at-all-0000000");
        var received = sign(SdkHttpMethod.GET, URI.create("http://storage.example/reports/q1.csv"), new byte[0],
                stranger, "s3", true);

        ask(S3, received).statusCode(403).header("X-Stsgate-Error-Code", "InvalidAccessKeyId");
    }

    @Test
    void anUnknownSubResourceIsDeniedWithTheReason() {
        ask(S3, signed(SdkHttpMethod.GET, "http://storage.example/reports/q1.csv?torrent")).statusCode(403)
                .header("X-Stsgate-Error-Code", "AccessDenied")
                .header("X-Stsgate-Deny-Reason", containsString("?torrent"));
    }

    @Test
    void aDeclaredBucketOfAnotherAccountNeedsItsBucketPolicy() {
        ask(S3, signed(SdkHttpMethod.GET, "http://storage.example/shared-reports/q1.csv")).statusCode(200);
        ask(S3, signed(SdkHttpMethod.GET, "http://storage.example/private-reports/q1.csv")).statusCode(403)
                .header("X-Stsgate-Deny-Reason", containsString("cross-account"));
    }

    @Test
    void aDeclaredApiMapsItsRoutes() {
        var alice = TestSigner.longTerm(Demo.ALICE_KEY_ID, Demo.ALICE_SECRET);
        var get = sign(SdkHttpMethod.GET, URI.create("http://files.example/files/a/b.txt"), new byte[0], alice, "s3",
                true);
        ask("/authz/v1/nginx/apis/dev-files", get).statusCode(200).header("X-Stsgate-Operation", "s3:GetObject")
                .header("X-Stsgate-Principal-Arn", Demo.ALICE_ARN);

        var delete = sign(SdkHttpMethod.DELETE, URI.create("http://files.example/files/a/b.txt"), new byte[0], alice,
                "s3", true);
        ask("/authz/v1/nginx/apis/dev-files", delete).statusCode(403).header("X-Stsgate-Error-Code", "AccessDenied");

        var unrouted = sign(SdkHttpMethod.GET, URI.create("http://files.example/other"), new byte[0], alice, "s3",
                true);
        ask("/authz/v1/nginx/apis/dev-files", unrouted).statusCode(403)
                .header("X-Stsgate-Deny-Reason", containsString("no route"));
        ask("/authz/v1/nginx/apis/unknown", get).statusCode(403).header("X-Stsgate-Error-Code", "AccessDenied");
    }

    @Test
    void withoutTheOriginalRequestNginxIsMisconfigured() {
        given().header("X-Stsgate-Key", KEY).get(S3).then().statusCode(403)
                .header("X-Stsgate-Error-Code", "InvalidRequest").header("X-Stsgate-Error-Status", "400");
    }

    private List<AuditEvent> eventsOf(String requestId) {
        return audit.events().stream().filter(e -> requestId.equals(e.requestId())).toList();
    }
}
