package io.stsgate.api.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.ManagementInterface;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.TestSigner;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The Query protocol on the wire: envelopes, codes and statuses, SigV4 rejections, parameter rules. */
@QuarkusTest
class QueryProtocolTest {

    private static final AwsCredentialsIdentity ALICE = TestSigner.longTerm(Demo.ALICE_KEY_ID, Demo.ALICE_SECRET);
    private static final String CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
    /** Send the body exactly as signed: no charset rewriting by REST Assured. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @TestHTTPResource("/")
    URL url;

    @Inject
    TestClock clock;

    private URI endpoint() throws Exception {
        return url.toURI();
    }

    private Response post(String body, Map<String, String> headers) throws Exception {
        return given().config(RAW).headers(headers).contentType(TestSigner.FORM).body(body)
                .when().post(endpoint()).andReturn();
    }

    private Response signedPost(String body, AwsCredentialsIdentity identity) throws Exception {
        return post(body, TestSigner.signPost(endpoint(), body, identity));
    }

    private static void assertError(Response response, int status, String code) {
        response.then().statusCode(status)
                .contentType(startsWith("text/xml"))
                .body("ErrorResponse.Error.Code", equalTo(code))
                .body("ErrorResponse.Error.Type", equalTo(status >= 500 ? "Receiver" : "Sender"))
                .body("ErrorResponse.RequestId", equalTo(response.header("x-amzn-RequestId")));
        assertThat(response.asString()).startsWith(
                "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>");
    }

    @Test
    void whenSignedGetCallerIdentityThenResponseIsAwsShaped() throws Exception {
        Response response = signedPost(CALLER_IDENTITY, ALICE);
        response.then().statusCode(200).contentType(startsWith("text/xml"))
                .body("GetCallerIdentityResponse.GetCallerIdentityResult.Arn", equalTo(Demo.ALICE_ARN))
                .body("GetCallerIdentityResponse.GetCallerIdentityResult.Account", equalTo("111111111111"))
                .body("GetCallerIdentityResponse.ResponseMetadata.RequestId",
                        equalTo(response.header("x-amzn-RequestId")));
        assertThat(response.asString()).startsWith(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">");
        assertThat(response.header("Date")).isNotBlank();
    }

    @Test
    void whenActionIsUnknownThenInvalidAction() throws Exception {
        assertError(post("Action=AssumeEverything&Version=2011-06-15", Map.of()), 400, "InvalidAction");
    }

    @Test
    void whenActionIsMissingThenMissingAction() throws Exception {
        assertError(post("Version=2011-06-15", Map.of()), 400, "MissingAction");
    }

    @Test
    void whenVersionIsMissingThenMissingParameter() throws Exception {
        assertError(post("Action=GetCallerIdentity", Map.of()), 400, "MissingParameter");
    }

    @Test
    void whenVersionIsOtherThenInvalidAction() throws Exception {
        assertError(post("Action=GetCallerIdentity&Version=2099-01-01", Map.of()), 400, "InvalidAction");
    }

    @Test
    void whenBodyIsOversizedThenRequestEntityTooLarge() throws Exception {
        String body = CALLER_IDENTITY + "&Padding=" + "x".repeat(300_000);
        assertError(post(body, Map.of()), 413, "RequestEntityTooLarge");
    }

    @Test
    void whenBodyIsNotAFormThenInvalidParameterValue() throws Exception {
        Response response = given().contentType("application/json").body("{}").when().post(endpoint()).andReturn();
        assertError(response, 400, "InvalidParameterValue");
    }

    @Test
    void whenParameterIsRepeatedThenInvalidParameterValue() throws Exception {
        assertError(post(CALLER_IDENTITY + "&Action=AssumeRole", Map.of()), 400, "InvalidParameterValue");
    }

    @Test
    void whenSignedActionIsUnsignedThenMissingAuthenticationToken() throws Exception {
        assertError(post(CALLER_IDENTITY, Map.of()), 403, "MissingAuthenticationToken");
    }

    @Test
    void whenAuthorizationHeaderIsMalformedThenIncompleteSignature() throws Exception {
        assertError(post(CALLER_IDENTITY, Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE",
                "X-Amz-Date", "20260101T000000Z")), 400, "IncompleteSignature");
    }

    @Test
    void whenAccessKeyIsUnknownThenInvalidClientTokenId() throws Exception {
        assertError(signedPost(CALLER_IDENTITY, TestSigner.longTerm("AKIAAAAAAAAAAAAAAAAA", Demo.ALICE_SECRET)), 403,
                "InvalidClientTokenId");
    }

    @Test
    void whenSecretIsWrongThenSignatureDoesNotMatch() throws Exception {
        assertError(signedPost(CALLER_IDENTITY, TestSigner.longTerm(Demo.ALICE_KEY_ID, "x" + Demo.ALICE_SECRET)),
                403, "SignatureDoesNotMatch");
    }

    @Test
    void whenBodyChangesAfterSigningThenSignatureDoesNotMatch() throws Exception {
        var headers = TestSigner.signPost(endpoint(), CALLER_IDENTITY, ALICE);
        assertError(post("Action=GetSessionToken&Version=2011-06-15", headers), 403, "SignatureDoesNotMatch");
    }

    private Credentials sessionCredentials() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            return sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
    }

    @Test
    void whenSessionCredentialsAreUsedThenTheCallerIsTheUser() throws Exception {
        var c = sessionCredentials();
        signedPost(CALLER_IDENTITY, TestSigner.session(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))
                .then().statusCode(200)
                .body("GetCallerIdentityResponse.GetCallerIdentityResult.Arn", equalTo(Demo.ALICE_ARN));
    }

    @Test
    void whenAnyByteOfTheSessionTokenChangesThenInvalidClientTokenId() throws Exception {
        var c = sessionCredentials();
        String token = c.sessionToken();
        for (int i : new int[] { 0, 1, 5, token.length() / 2, token.length() - 2, token.length() - 1 }) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertError(signedPost(CALLER_IDENTITY, TestSigner.session(c.accessKeyId(), c.secretAccessKey(),
                    tampered)), 403, "InvalidClientTokenId");
        }
    }

    @Test
    void whenTheSessionTokenIsPresentedWithAnotherAccessKeyIdThenInvalidClientTokenId() throws Exception {
        var first = sessionCredentials();
        var second = sessionCredentials();
        assertError(signedPost(CALLER_IDENTITY, TestSigner.session(second.accessKeyId(), second.secretAccessKey(),
                first.sessionToken())), 403, "InvalidClientTokenId");
    }

    @Test
    void whenTheSessionTokenIsPresentedWithAnotherSecretThenSignatureDoesNotMatch() throws Exception {
        var first = sessionCredentials();
        var second = sessionCredentials();
        assertError(signedPost(CALLER_IDENTITY, TestSigner.session(first.accessKeyId(), second.secretAccessKey(),
                first.sessionToken())), 403, "SignatureDoesNotMatch");
    }

    @Test
    void whenTheSessionTokenHasExpiredThenExpiredToken() throws Exception {
        // Issue a 15-minute session 20 minutes ago: server clock and signature both set back.
        clock.advance(Duration.ofMinutes(-20));
        Response issued;
        try {
            String body = "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900";
            issued = post(body, TestSigner.signPost(endpoint(), body, ALICE, clock));
        } finally {
            clock.advance(Duration.ofMinutes(20));
        }
        issued.then().statusCode(200);
        String path = "GetSessionTokenResponse.GetSessionTokenResult.Credentials.";
        var expired = TestSigner.session(issued.path(path + "AccessKeyId"), issued.path(path + "SecretAccessKey"),
                issued.path(path + "SessionToken"));
        Response response = signedPost(CALLER_IDENTITY, expired);
        assertError(response, 403, "ExpiredToken");
        response.then().body("ErrorResponse.Error.Message",
                equalTo("The security token included in the request is expired"));
    }

    @Test
    void whenATemporaryKeyComesWithoutTokenThenInvalidClientTokenId() throws Exception {
        var c = sessionCredentials();
        assertError(signedPost(CALLER_IDENTITY, TestSigner.longTerm(c.accessKeyId(), c.secretAccessKey())), 403,
                "InvalidClientTokenId");
    }

    @Test
    void whenGetIsSignedInHeadersThenTheQueryStringIsTheRequest() throws Exception {
        URI uri = URI.create(endpoint() + "?" + CALLER_IDENTITY);
        given().headers(TestSigner.signGet(uri, ALICE)).when().get(uri).then().statusCode(200)
                .body("GetCallerIdentityResponse.GetCallerIdentityResult.Arn", equalTo(Demo.ALICE_ARN));
    }

    @Test
    void whenGetIsPresignedThenItWorksUntilItExpires() throws Exception {
        URI uri = URI.create(endpoint() + "?" + CALLER_IDENTITY);
        URI presigned = TestSigner.presignGet(uri, ALICE, Duration.ofMinutes(5), Clock.systemUTC());
        given().urlEncodingEnabled(false).when().get(presigned).then().statusCode(200)
                .body("GetCallerIdentityResponse.GetCallerIdentityResult.Arn", equalTo(Demo.ALICE_ARN));
        URI expired = TestSigner.presignGet(uri, ALICE, Duration.ofSeconds(60),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        assertError(given().urlEncodingEnabled(false).when().get(expired).andReturn(), 400, "RequestExpired");
    }

    @Test
    void whenListsAreSentEmptyThenTheyAreAccepted() throws Exception {
        String body = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=empty-lists&Tags=&PolicyArns=&TransitiveTagKeys=";
        signedPost(body, ALICE).then().statusCode(200)
                .body("AssumeRoleResponse.AssumeRoleResult.AssumedRoleUser.Arn",
                        equalTo("arn:aws:sts::111111111111:assumed-role/developer/empty-lists"));
    }

    @Test
    void whenListMembersHaveAGapThenInvalidParameterValue() throws Exception {
        String body = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=gap&Tags.member.1.Key=a&Tags.member.1.Value=b&Tags.member.3.Key=c"
                + "&Tags.member.3.Value=d";
        assertError(signedPost(body, ALICE), 400, "InvalidParameterValue");
    }

    @Test
    void whenRoleArnIsMissingThenValidationErrorNamesIt() throws Exception {
        Response response = signedPost("Action=AssumeRole&Version=2011-06-15&RoleSessionName=s1", ALICE);
        assertError(response, 400, "ValidationError");
        response.then().body("ErrorResponse.Error.Message", equalTo("1 validation error detected: Value null at "
                + "'roleArn' failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void whenRoleSessionNameBreaksThePatternThenValidationError() throws Exception {
        Response response = signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=bad%20name", ALICE);
        assertError(response, 400, "ValidationError");
        response.then().body("ErrorResponse.Error.Message", containsString("at 'roleSessionName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern"));
    }

    @Test
    void whenDurationIsBelowTheMinimumThenValidationError() throws Exception {
        Response response = signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=short&DurationSeconds=899", ALICE);
        assertError(response, 400, "ValidationError");
        response.then().body("ErrorResponse.Error.Message", containsString(
                "Member must have value greater than or equal to 900"));
    }

    @Test
    void whenTokenCodeIsNotSixDigitsThenValidationError() throws Exception {
        assertError(signedPost("Action=GetSessionToken&Version=2011-06-15&SerialNumber=" + Demo.ALICE_MFA
                + "&TokenCode=12ab56", ALICE), 400, "ValidationError");
    }

    @Test
    void whenSourceIdentityStartsWithAwsThenValidationError() throws Exception {
        assertError(signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=s1&SourceIdentity=aws:me", ALICE), 400, "ValidationError");
    }

    @Test
    void whenDuplicateTagKeysDifferInCaseThenInvalidParameterValue() throws Exception {
        assertError(signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=s1&Tags.member.1.Key=team&Tags.member.1.Value=a&Tags.member.2.Key=Team"
                + "&Tags.member.2.Value=b", ALICE), 400, "InvalidParameterValue");
    }

    /** Full-width, Arabic-Indic and signed forms that {@code Integer.parseInt} reads as 900. */
    private static final java.util.List<String> NOT_ASCII_DIGITS = java.util.List.of("\uFF10\uFF19\uFF10\uFF10",
            "\u0669\u0660\u0660", "+900");

    private static String form(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void whenDurationSecondsOfASignedActionIsNotAsciiDigitsThenValidationError() throws Exception {
        for (String digits : NOT_ASCII_DIGITS) {
            String duration = "&DurationSeconds=" + form(digits);
            for (String body : java.util.List.of(
                    "Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE + "&RoleSessionName=s1",
                    "Action=GetSessionToken&Version=2011-06-15",
                    "Action=GetFederationToken&Version=2011-06-15&Name=bob")) {
                Response response = signedPost(body + duration, ALICE);
                assertError(response, 400, "ValidationError");
                response.then().body("ErrorResponse.Error.Message", containsString(
                        "at 'durationSeconds' failed to satisfy constraint: Member must be an integer"));
            }
        }
    }

    @Test
    void whenDurationSecondsOfAnUnsignedActionIsNotAsciiDigitsThenValidationError() throws Exception {
        for (String digits : NOT_ASCII_DIGITS) {
            String duration = "&DurationSeconds=" + form(digits);
            for (String body : java.util.List.of(
                    "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                            + "&RoleSessionName=s1&WebIdentityToken=abcd.efgh.ijkl",
                    "Action=AssumeRoleWithSAML&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                            + "&PrincipalArn=arn:aws:iam::111111111111:saml-provider/none&SAMLAssertion=abcd")) {
                Response response = post(body + duration, Map.of());
                assertError(response, 400, "ValidationError");
                response.then().body("ErrorResponse.Error.Message", containsString("Member must be an integer"));
            }
        }
    }

    @Test
    void whenAListMemberIndexIsNotAsciiDigitsThenInvalidParameterValue() throws Exception {
        for (String digits : java.util.List.of("\uFF11", "\u0661", "+1", "01a")) {
            String index = form(digits);
            assertError(signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                    + "&RoleSessionName=s1&Tags.member." + index + ".Key=team&Tags.member." + index + ".Value=a",
                    ALICE), 400, "InvalidParameterValue");
        }
    }

    @Test
    void whenATagKeyBeginsWithAwsThenInvalidParameterValue() throws Exception {
        for (String key : java.util.List.of("aws:foo", "AWS:PrincipalTag")) {
            Response response = signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                    + "&RoleSessionName=s1&Tags.member.1.Key=" + form(key) + "&Tags.member.1.Value=a", ALICE);
            assertError(response, 400, "InvalidParameterValue");
            response.then().body("ErrorResponse.Error.Message", containsString("aws:"));
            assertError(signedPost("Action=GetFederationToken&Version=2011-06-15&Name=bob&Tags.member.1.Key="
                    + form(key) + "&Tags.member.1.Value=a", ALICE), 400, "InvalidParameterValue");
        }
    }

    @Test
    void whenTheSessionTokenWouldExceedItsBoundThenPackedPolicyTooLarge() throws Exception {
        // Repeated non-ASCII text deflates to almost nothing, so the packed budget passes; the token would not.
        var body = new StringBuilder("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=big");
        for (int i = 1; i <= 50; i++) {
            body.append("&Tags.member.").append(i).append(".Key=").append(form("k" + i + "\u00e9".repeat(20)))
                    .append("&Tags.member.").append(i).append(".Value=").append(form("\u00fc".repeat(60)));
        }
        Response response = signedPost(body.toString(), ALICE);
        assertError(response, 400, "PackedPolicyTooLarge");
        response.then().body("ErrorResponse.Error.Message", startsWith("Packed size of session policies and tags "
                + "consumes "));
    }

    @Test
    void whenTheSessionTokenStaysWithinItsBoundThenTheTokenIsAtMostTheBound() throws Exception {
        var body = new StringBuilder("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                + "&RoleSessionName=fits");
        for (int i = 1; i <= 20; i++) {
            body.append("&Tags.member.").append(i).append(".Key=").append(form("k" + i + "\u00e9".repeat(10)))
                    .append("&Tags.member.").append(i).append(".Value=").append(form("\u00fc".repeat(40)));
        }
        Response response = signedPost(body.toString(), ALICE);
        response.then().statusCode(200);
        assertThat(response.xmlPath().getString("AssumeRoleResponse.AssumeRoleResult.Credentials.SessionToken"))
                .hasSizeLessThanOrEqualTo(io.stsgate.engine.CredentialMint.MAX_SESSION_TOKEN_CHARS);
    }

    @Test
    void whenFederatedSessionCallsAssumeRoleThenAccessDenied() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var c = sts.getFederationToken(r -> r.name("carol")).credentials();
            assertError(signedPost("Action=AssumeRole&Version=2011-06-15&RoleArn=" + Demo.DEVELOPER_ROLE
                    + "&RoleSessionName=s1",
                    TestSigner.session(c.accessKeyId(), c.secretAccessKey(),
                            c.sessionToken())),
                    403, "AccessDenied");
        }
    }

    @Test
    void whenRoleSessionCallsGetSessionTokenThenAccessDenied() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            var c = sts.assumeRole(r -> r.roleArn(Demo.DEVELOPER_ROLE).roleSessionName("s1")).credentials();
            assertError(signedPost("Action=GetSessionToken&Version=2011-06-15", TestSigner.session(c.accessKeyId(),
                    c.secretAccessKey(), c.sessionToken())), 403, "AccessDenied");
        }
    }

    @Test
    void whenHealthAndMetricsAreAskedOnTheManagementPortThenTheyAnswer() {
        ManagementInterface.request().get("/q/health/live").then().statusCode(200);
        ManagementInterface.request().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ManagementInterface.request().get("/q/metrics").then().statusCode(200)
                .body(containsString("stsgate_requests_seconds"));
        ManagementInterface.request().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void whenTheOperationsSurfaceIsAskedOnThePublicPortThenItIsNotThere() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void whenReadinessIsAskedThenItDoesNotNameTheSealingKey() {
        ManagementInterface.request().get("/q/health/ready").then().statusCode(200)
                .body(not(containsString("sealingKeyId")));
    }
}
