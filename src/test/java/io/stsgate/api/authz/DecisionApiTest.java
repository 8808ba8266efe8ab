package io.stsgate.api.authz;

import static io.restassured.RestAssured.given;
import static io.stsgate.api.authz.DecisionRequests.decision;
import static io.stsgate.api.authz.DecisionRequests.presign;
import static io.stsgate.api.authz.DecisionRequests.sign;
import static io.stsgate.api.authz.DecisionRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.TestSigner;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The JSON decision API with requests signed by the AWS SDK v2's signer for service s3, with credentials from
 * AssumeRole on the demo directory (partner-readonly: s3:Get* and s3:List* on everything) and Alice's long-term key.
 */
@QuarkusTest
@TestSecurity(user = "storage-service", roles = DeciderSecurity.DECIDER)
class DecisionApiTest {

    private static final String PATH = "/authz/v1/decisions";
    private static final URI OBJECT = URI.create("http://storage.example:9000/reports/2026/q1.csv");
    private static final String OBJECT_ARN = "arn:aws:s3:::reports/2026/q1.csv";

    @TestHTTPResource("/")
    URL url;

    @Inject
    RecordingAuditSink audit;

    @Inject
    TestClock clock;

    private AwsCredentialsIdentity partner;
    private String partnerKeyId;

    @BeforeEach
    void assumePartnerRole() throws Exception {
        Credentials credentials;
        try (var sts = TestClients.alice(url.toURI())) {
            credentials = sts.assumeRole(r -> r.roleArn(Demo.PARTNER_ROLE).roleSessionName("storage-test")
                    .externalId(Demo.EXTERNAL_ID)
                    .tags(Tag.builder().key("team").value("audit").build()))
                    .credentials();
        }
        partnerKeyId = credentials.accessKeyId();
        partner = TestSigner.session(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    private static ValidatableResponse ask(ObjectNode body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post(PATH).then();
    }

    private List<AuditEvent> eventsOf(String requestId) {
        return audit.events().stream().filter(e -> requestId.equals(e.requestId())).toList();
    }

    @Test
    void aSignedGetIsAllowedAndNamesThePrincipal() {
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "s3", true);

        ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(true))
                .body("principal.arn", equalTo("arn:aws:sts::222222222222:assumed-role/partner-readonly/storage-test"))
                .body("principal.account", equalTo("222222222222"))
                .body("principal.type", equalTo("AssumedRole"))
                .body("principal.userId", containsString(":storage-test"))
                .body("principal.sessionTags.team", equalTo("audit"))
                .body("decisions[0].allowed", equalTo(true))
                .body("decisions[0].outcome", equalTo("ALLOW"))
                .body("decisions[0].deciding[0]", containsString("ReadOnly"))
                .body("cacheSeconds", greaterThan(0))
                .body("payload", equalTo("signed"));
    }

    @Test
    void eachPairGetsItsOwnAnswerAndEveryDecisionIsAudited() {
        var received = sign(SdkHttpMethod.PUT, OBJECT, utf8("a,b\n1,2\n"), partner, "s3", true);

        String requestId = ask(decision(received, "s3", "s3:PutObject", OBJECT_ARN, "s3:GetObject", OBJECT_ARN))
                .statusCode(200)
                .body("decisions[0].allowed", equalTo(false))
                .body("decisions[0].outcome", equalTo("IMPLICIT_DENY"))
                .body("decisions[0].reason", containsString("s3:PutObject"))
                .body("decisions[1].allowed", equalTo(true))
                .body("cacheSeconds", equalTo(0))
                .extract().path("requestId");

        List<AuditEvent> events = eventsOf(requestId);
        assertThat(events).extracting(AuditEvent::reason).contains(ReasonCode.DECISION_IMPLICIT_DENY,
                ReasonCode.DECISION_ALLOWED);
        assertThat(events).filteredOn(e -> e.reason() == ReasonCode.DECISION_IMPLICIT_DENY).first()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("s3:PutObject");
                    assertThat(e.errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.sourceIp()).isEqualTo("203.0.113.7");
                });
    }

    @Test
    void aLongTermKeyIsJudgedByTheUsersPolicies() {
        var alice = TestSigner.longTerm(Demo.ALICE_KEY_ID, Demo.ALICE_SECRET);
        var received = sign(SdkHttpMethod.GET, URI.create("http://storage.example/dev-bucket/a.txt"), new byte[0],
                alice, "s3", true);

        ask(decision(received, "s3", "s3:GetObject", "arn:aws:s3:::dev-bucket/a.txt", "s3:GetObject",
                "arn:aws:s3:::prod-bucket/a.txt")).statusCode(200)
                .body("principal.arn", equalTo(Demo.ALICE_ARN))
                .body("principal.type", equalTo("User"))
                .body("decisions[0].allowed", equalTo(true))
                .body("decisions[1].allowed", equalTo(false));
    }

    @Test
    void anUnsignedPayloadIsAcceptedAsTheSignatureSays() {
        // The SDK signs the payload over plain HTTP whatever it is told; over HTTPS it leaves it unsigned.
        var received = sign(SdkHttpMethod.PUT, URI.create("https://storage.example/reports/2026/q1.csv"), utf8("body"),
                partner, "s3", false);

        ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(true))
                .body("payload", equalTo("unsigned"));
    }

    @Test
    void aPresignedUrlIsVerified() {
        var received = presign(OBJECT, partner);

        ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(true))
                .body("decisions[0].allowed", equalTo(true));
    }

    @Test
    void aKeyWithSpacesAndEscapesIsSignedOnceEncoded() {
        var received = sign(SdkHttpMethod.GET, URI.create("http://storage.example/reports/my%20file%2B1.csv"),
                new byte[0], partner, "s3", true);

        ask(decision(received, "s3", "s3:GetObject", "arn:aws:s3:::reports/my file+1.csv")).statusCode(200)
                .body("authenticated", equalTo(true));
    }

    @Test
    void aRequestReplayedToAnotherPathDoesNotMatchItsSignature() {
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "s3", true).withPath("/reports/other");

        ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(false))
                .body("error.code", equalTo("SignatureDoesNotMatch"))
                .body("error.httpStatus", equalTo(403));
    }

    @Test
    void aBodyThatIsNotTheSignedOneIsRefused() {
        var received = sign(SdkHttpMethod.PUT, OBJECT, utf8("original"), partner, "s3", true)
                .withBody(utf8("tampered"));

        ask(decision(received, "s3", "s3:PutObject", OBJECT_ARN)).statusCode(400)
                .body("code", equalTo("XAmzContentSHA256Mismatch"));
    }

    @Test
    void anUnknownAccessKeyIsInvalid() {
        var stranger = TestSigner.longTerm("AKIANOBODYNOBODYNOBO", "secret");
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], stranger, "s3", true);

        String requestId = ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(false))
                .body("error.code", equalTo("InvalidClientTokenId"))
                .extract().path("requestId");
        assertThat(eventsOf(requestId)).extracting(AuditEvent::reason).containsExactly(ReasonCode.UNKNOWN_ACCESS_KEY);
    }

    @Test
    void aRequestSignedForAnotherServiceIsRefused() {
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "sts", true);

        ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(false))
                .body("error.code", equalTo("SignatureDoesNotMatch"))
                .body("error.message", containsString("'s3'"));
    }

    @Test
    void aServiceNotOnTheAllowListCannotBeAsked() {
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "sts", true);

        ask(decision(received, "sts", "sts:GetCallerIdentity", "*")).statusCode(400)
                .body("code", equalTo("ValidationError"));
    }

    @Test
    void aBucketPolicyFromAnotherAccountIsPassedAlong() throws Exception {
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "s3", true);
        ObjectNode body = decision(received, "s3", "s3:GetObject", OBJECT_ARN);
        ObjectNode question = (ObjectNode) body.get("questions").get(0);
        question.put("resourceAccount", "111111111111");
        question.putArray("resourcePolicies").add(DecisionRequests.JSON.readTree("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "Partner", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::222222222222:role/partner-readonly"},
                 "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}"""));

        ask(body).statusCode(200).body("decisions[0].allowed", equalTo(true))
                .body("decisions[0].deciding[1]", equalTo("resource policy 1/Partner"));

        question.putArray("resourcePolicies");
        ask(body).statusCode(200).body("decisions[0].allowed", equalTo(false))
                .body("decisions[0].reason", containsString("cross-account"));
    }

    @Test
    void aServiceCannotForgeTheCallersConditionKeys() {
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "s3", true);
        ObjectNode body = decision(received, "s3", "s3:GetObject", OBJECT_ARN);
        ((ObjectNode) body.get("questions").get(0)).putObject("context").putArray("aws:PrincipalTag/team").add("x");

        ask(body).statusCode(400).body("code", equalTo("ValidationError"))
                .body("message", containsString("aws:PrincipalTag/team"));
    }

    @Test
    @TestSecurity(user = "ops-and-storage", roles = { DeciderSecurity.DECIDER, "stsgate-admin" })
    void aRevokedSessionIsRefusedWithAccessDenied() {
        given().contentType(ContentType.JSON).body(Map.of("scope", "access-key", "target", partnerKeyId, "reason",
                "decision API test")).post("/admin/v1/revocations").then().statusCode(201);
        var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "s3", true);

        String requestId = ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                .body("authenticated", equalTo(false))
                .body("error.code", equalTo("AccessDenied"))
                .body("error.httpStatus", equalTo(403))
                .body("error.message", containsString("s3:GetObject"))
                .extract().path("requestId");
        assertThat(eventsOf(requestId)).extracting(AuditEvent::reason).containsExactly(ReasonCode.CREDENTIAL_REVOKED);
    }

    @Test
    void anExpiredSessionIsExpiredToken() {
        clock.advance(Duration.ofHours(2));
        try {
            var received = sign(SdkHttpMethod.GET, OBJECT, new byte[0], partner, "s3", true, clock);

            ask(decision(received, "s3", "s3:GetObject", OBJECT_ARN)).statusCode(200)
                    .body("authenticated", equalTo(false))
                    .body("error.code", equalTo("ExpiredToken"));
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void aMalformedDecisionRequestIsA400() {
        given().contentType(ContentType.JSON).body("{\"service\": \"s3\"}").post(PATH).then().statusCode(400)
                .body("code", equalTo("ValidationError"));
    }
}
