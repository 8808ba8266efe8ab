package io.stsgate.api.throttling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.ManagementInterface;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestSigner;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Throttling through HTTP with tight limits (three requests, then practically no refill): AWS's {@code Throttling}
 * error, which the AWS SDK for Java v2 and boto3 retry; per-caller budgets charged only after the signature verified;
 * the throttled count in the metrics; a bounded sample in the audit trail; a 429 page for the browser sign-in.
 */
@QuarkusTest
@TestProfile(ThrottlingHttpTest.TightLimits.class)
class ThrottlingHttpTest {

    static final int BURST = 3;

    /** Three requests per key and group, then one every 1,000 seconds: nothing refills during a test. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("stsgate.throttling.web-identity.rate", "0.001"),
                    Map.entry("stsgate.throttling.web-identity.burst", String.valueOf(BURST)),
                    Map.entry("stsgate.throttling.saml-browser.rate", "0.001"),
                    Map.entry("stsgate.throttling.saml-browser.burst", String.valueOf(BURST)),
                    Map.entry("stsgate.throttling.signed-read.rate", "0.001"),
                    Map.entry("stsgate.throttling.signed-read.burst", String.valueOf(BURST)),
                    // Every test mints its own caller with GetSessionToken: room for all of them.
                    Map.entry("stsgate.throttling.signed-issue.rate", "0.001"),
                    Map.entry("stsgate.throttling.signed-issue.burst", "50"),
                    Map.entry("stsgate.throttling.audit-sample.rate", "0.001"),
                    Map.entry("stsgate.throttling.audit-sample.burst", "2"));
        }
    }

    private static final String CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @TestHTTPResource("/")
    URL url;

    @Inject
    RecordingAuditSink audit;

    @Test
    void whenOneAddressSendsMoreWebIdentityRequestsThanItsBurstThenThrottlingInAwsEnvelopeAndASampleIsAudited() {
        double before = throttled("web-identity");
        for (int i = 0; i < BURST; i++) {
            assertThat(webIdentity().xmlPath().getString("ErrorResponse.Error.Code"))
                    .as("within the burst the token itself is judged").isEqualTo("InvalidIdentityToken");
        }
        List<Response> throttled = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            throttled.add(webIdentity());
        }

        for (Response response : throttled) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("text/xml");
            assertThat(response.xmlPath().getString("ErrorResponse.Error.Type")).isEqualTo("Sender");
            assertThat(response.xmlPath().getString("ErrorResponse.Error.Code")).isEqualTo("Throttling");
            assertThat(response.xmlPath().getString("ErrorResponse.Error.Message")).isEqualTo("Rate exceeded");
            assertThat(response.xmlPath().getString("ErrorResponse.RequestId"))
                    .isEqualTo(response.header("x-amzn-RequestId"));
        }
        assertThat(throttled("web-identity") - before).isEqualTo(10);
        List<AuditEvent> sampled = audit.events().stream()
                .filter(e -> e.reason() == ReasonCode.THROTTLED && "AssumeRoleWithWebIdentity".equals(e.action()))
                .toList();
        assertThat(sampled).as("a bounded sample, not one event each").hasSize(2);
        assertThat(sampled).allSatisfy(e -> {
            assertThat(e.errorCode()).isEqualTo("Throttling");
            assertThat(e.sourceIp()).isNotBlank();
            assertThat(e.detail()).contains("web-identity");
        });
    }

    @Test
    void whenBadSignaturesNameACallersAccessKeyThenTheCallersBudgetIsUntouched() throws Exception {
        Credentials victim = freshCaller();
        var forged = TestSigner.session(victim.accessKeyId(), "not-the-secret-access-key-at-all-0000000",
                victim.sessionToken());
        for (int i = 0; i < 10; i++) {
            Response response = signedPost(CALLER_IDENTITY, forged);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.xmlPath().getString("ErrorResponse.Error.Code")).isEqualTo("SignatureDoesNotMatch");
        }

        var genuine = TestSigner.session(victim.accessKeyId(), victim.secretAccessKey(), victim.sessionToken());
        for (int i = 0; i < BURST; i++) {
            assertThat(signedPost(CALLER_IDENTITY, genuine).statusCode()).isEqualTo(200);
        }
        Response over = signedPost(CALLER_IDENTITY, genuine);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.xmlPath().getString("ErrorResponse.Error.Code")).isEqualTo("Throttling");
    }

    @Test
    void whenOneCallerIsThrottledThenAnotherCallerIsNot() throws Exception {
        Credentials first = freshCaller();
        Credentials second = freshCaller();
        spend(first);

        try (var sts = TestClients.withSession(endpoint(), second)) {
            assertThat(sts.getCallerIdentity().arn()).contains("alice");
        }
    }

    @Test
    void whenTheJavaSdkIsThrottledThenItsStandardRetryPolicyRetriesAndGivesUpWithThrottling() throws Exception {
        Credentials caller = freshCaller();
        spend(caller);
        double before = throttled("signed-read");
        var attempts = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };

        try (var sts = StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        caller.accessKeyId(), caller.secretAccessKey(), caller.sessionToken())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(counter))
                .build()) {
            StsException error = catchThrowableOfType(StsException.class, sts::getCallerIdentity);

            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("Throttling");
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.isThrottlingException()).isTrue();
        }
        assertThat(attempts.get()).as("the standard retry policy: one call and two retries").isEqualTo(3);
        assertThat(throttled("signed-read") - before).isEqualTo(3);
    }

    @Test
    void whenBoto3IsThrottledThenItRetriesWithBackoff() throws Exception {
        Credentials caller = freshCaller();
        spend(caller);
        double before = throttled("signed-read");

        var boto3 = new ProcessBuilder("/usr/bin/python3",
                Path.of("src", "test", "scripts", "boto3-throttling.py").toAbsolutePath().toString(),
                endpoint().toString(), caller.accessKeyId(), caller.secretAccessKey(), caller.sessionToken())
                .redirectErrorStream(true).start();
        assertThat(boto3.waitFor(120, TimeUnit.SECONDS)).as("boto3 finished").isTrue();
        String output = new String(boto3.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(boto3.exitValue()).as(output).isZero();

        Matcher m = Pattern.compile("attempts=(\\d+) retries=(\\d+) code=(\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        int attempts = Integer.parseInt(m.group(1));
        assertThat(m.group(3)).isEqualTo("Throttling");
        assertThat(attempts).as("botocore retries Throttling").isGreaterThan(1);
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(attempts - 1);
        assertThat(throttled("signed-read") - before).isEqualTo(attempts);
    }

    @Test
    void whenOneAddressOverusesTheBrowserSignInThenA429PageWithRetryAfter() {
        for (int i = 0; i < BURST; i++) {
            assertThat(samlPost().statusCode()).as("within the burst the Response itself is judged").isEqualTo(400);
        }
        double before = throttled("saml-browser");

        var response = samlPost();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("Retry-After")).isEqualTo("1000");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.asString()).contains("Too many requests");
        assertThat(throttled("saml-browser") - before).isEqualTo(1);
    }

    private Response webIdentity() {
        return given().formParam("Action", "AssumeRoleWithWebIdentity").formParam("Version", "2011-06-15")
                .formParam("RoleArn", "arn:aws:iam::333333333333:role/web-engineering")
                .formParam("RoleSessionName", "app-user").formParam("WebIdentityToken", "not.a.token")
                .when().post("/").andReturn();
    }

    private Response samlPost() {
        return given().formParam("SAMLResponse", "PHNhbWxwOlJlc3BvbnNl").when().post("/saml").andReturn();
    }

    /** A caller of its own (temporary credentials of alice), so each test starts with a full bucket. */
    private Credentials freshCaller() throws Exception {
        try (var sts = TestClients.alice(endpoint())) {
            return sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
    }

    /** Spends the caller's whole burst. */
    private void spend(Credentials caller) throws Exception {
        var identity = TestSigner.session(caller.accessKeyId(), caller.secretAccessKey(), caller.sessionToken());
        for (int i = 0; i < BURST; i++) {
            assertThat(signedPost(CALLER_IDENTITY, identity).statusCode()).isEqualTo(200);
        }
    }

    private Response signedPost(String body, AwsCredentialsIdentity identity) throws Exception {
        return given().config(RAW).headers(TestSigner.signPost(endpoint(), body, identity))
                .contentType(TestSigner.FORM).body(body).when().post(endpoint()).andReturn();
    }

    /** {@code stsgate_throttled_total{group}} as the management interface publishes it. */
    private static double throttled(String group) {
        String metrics = ManagementInterface.request().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^stsgate_throttled_total\\{group=\"" + Pattern.quote(group)
                + "\"[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        assertThat(m.find()).as("stsgate_throttled_total for " + group).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private URI endpoint() {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
