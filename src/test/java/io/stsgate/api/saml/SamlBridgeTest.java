package io.stsgate.api.saml;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.identity.saml.SignedSamlResponses.IdpKey;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.TestClock;

import software.amazon.awssdk.services.sts.model.Credentials;

/** The browser sign-in over HTTP: picker, choice, credentials, and one test per refusal. */
@QuarkusTest
@WithTestResource(BridgeDirectoryResource.class)
class SamlBridgeTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(continuation|csrf)\" value=\"([^\"]*)\"");
    private static final String READONLY_CHOICE = BridgeDirectoryResource.READONLY + ","
            + BridgeDirectoryResource.PROD_PROVIDER;

    @Inject
    TestClock clock;
    @Inject
    RecordingAuditSink audit;
    @TestHTTPResource("/")
    URL url;

    private IdpKey idp;

    @BeforeEach
    void setUp() throws Exception {
        idp = BridgeDirectoryResource.idpKey();
    }

    /** What the picker hands the browser: the form's hidden fields and the cookie. */
    record Picker(String continuation, String csrf, String cookie, String html) {
    }

    private Map<String, List<String>> granting(String... pairs) {
        return SignedSamlResponses.attributes("alice@example.com", pairs);
    }

    private String signedResponse() {
        return SignedSamlResponses.base64(idp, BridgeDirectoryResource.ACS, clock.instant(), granting(
                READONLY_CHOICE,
                BridgeDirectoryResource.PROD_PROVIDER + "," + BridgeDirectoryResource.DENIED,
                BridgeDirectoryResource.SANDBOX_ADMIN + "," + BridgeDirectoryResource.SANDBOX_PROVIDER,
                BridgeDirectoryResource.MISSING_ROLE + "," + BridgeDirectoryResource.PROD_PROVIDER));
    }

    private ExtractableResponse<Response> post(String samlResponse) {
        return given().formParam("SAMLResponse", samlResponse).formParam("RelayState", "console")
                .post("/saml").then().extract();
    }

    private Picker signIn() {
        var response = post(signedResponse());
        assertThat(response.statusCode()).isEqualTo(200);
        String continuation = null;
        String csrf = null;
        Matcher m = HIDDEN.matcher(response.body().asString());
        while (m.find()) {
            if (m.group(1).equals("continuation")) {
                continuation = m.group(2);
            } else {
                csrf = m.group(2);
            }
        }
        return new Picker(continuation, csrf, response.cookie(SamlBridgeEndpoint.CSRF_COOKIE),
                response.body().asString());
    }

    private ExtractableResponse<Response> choose(String continuation, String csrf, String cookie, String role) {
        var request = given().redirects().follow(false);
        if (continuation != null) {
            request.formParam("continuation", continuation);
        }
        if (csrf != null) {
            request.formParam("csrf", csrf);
        }
        if (role != null) {
            request.formParam("role", role);
        }
        if (cookie != null) {
            request.cookie(SamlBridgeEndpoint.CSRF_COOKIE, cookie);
        }
        return request.post("/saml/credentials").then().extract();
    }

    private ExtractableResponse<Response> choose(Picker picker, String role) {
        return choose(picker.continuation(), picker.csrf(), picker.cookie(), role);
    }

    private AuditEvent auditOf(ExtractableResponse<Response> response) {
        return audit.byRequestId(response.header("X-Request-Id")).orElseThrow();
    }

    private static String field(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*?(?:value=\"([^\"]*)\"|>([^<]*)</textarea>)")
                .matcher(html);
        assertThat(m.find()).as("field " + id).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static void assertBridgeHeaders(ExtractableResponse<Response> response) {
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Pragma")).isEqualTo("no-cache");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none';")
                .contains("frame-ancestors 'none'").contains("form-action 'self'").doesNotContain("unsafe-inline");
    }

    private static void assertErrorPage(ExtractableResponse<Response> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body().asString()).contains("<html lang=\"en\">").contains(message)
                .doesNotContain("ASIA");
        assertBridgeHeaders(response);
    }

    // ---- the way through ----

    @Test
    void whenASignedResponseIsPostedThenThePickerListsExistingGrantedRolesByAccountName() {
        var response = post(signedResponse());
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body().asString();
        assertThat(html).contains("<legend>Production <span class=\"muted\">(222222222222)</span></legend>")
                .contains("<legend>Sandbox <span class=\"muted\">(333333333333)</span></legend>")
                .contains("bridge-readonly").contains("bridge-denied").contains("sandbox-admin")
                .contains("value=\"" + READONLY_CHOICE + "\"")
                .doesNotContain("does-not-exist")
                .contains("<label for=\"role-0-0\">").contains("<h1>Choose a role</h1>");
        assertThat(html.indexOf("Production")).as("accounts by name").isLessThan(html.indexOf("Sandbox"));
        assertBridgeHeaders(response);
        String cookie = response.header("Set-Cookie");
        assertThat(cookie).startsWith(SamlBridgeEndpoint.CSRF_COOKIE + "=").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Secure").contains("Path=/saml").contains("Max-Age=300");
        assertThat(auditOf(response).reason()).isEqualTo(ReasonCode.ANSWERED);
    }

    @Test
    void whenTheChoiceCarriesItsContinuationAndCsrfTokensThenTheCredentialsWork() throws Exception {
        var picker = signIn();
        var response = choose(picker, READONLY_CHOICE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertBridgeHeaders(response);
        String html = response.body().asString();
        var credentials = Credentials.builder().accessKeyId(field(html, "access-key-id"))
                .secretAccessKey(field(html, "secret-access-key")).sessionToken(field(html, "session-token"))
                .build();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(html).contains("export AWS_ACCESS_KEY_ID=" + credentials.accessKeyId())
                .contains("aws_session_token = " + credentials.sessionToken())
                .contains("[stsgate-bridge-readonly]")
                .contains(BridgeDirectoryResource.READONLY).contains("id=\"expiration\"");
        assertThat(response.header("Set-Cookie")).contains("Max-Age=0");
        var event = auditOf(response);
        assertThat(event.reason()).isEqualTo(ReasonCode.ISSUED);
        assertThat(event.issuedAccessKeyId()).isEqualTo(credentials.accessKeyId());
        assertThat(event.durationSeconds()).as("SessionDuration 7200, capped by the role's 3600").isEqualTo(3600);
        try (var sts = TestClients.withSession(url.toURI(), credentials)) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::222222222222:assumed-role/bridge-readonly/alice@example.com");
        }
    }

    @Test
    void whenARoleOfTheSecondAccountIsChosenThenItsProviderIsUsed() {
        var picker = signIn();
        var response = choose(picker, BridgeDirectoryResource.SANDBOX_ADMIN + ","
                + BridgeDirectoryResource.SANDBOX_PROVIDER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(auditOf(response).principal()).isEqualTo(BridgeDirectoryResource.SANDBOX_PROVIDER);
    }

    // ---- the assertion ----

    @Test
    void whenTheResponseIsUnsignedThen400WithoutEchoingIt() {
        String unsigned = SignedSamlResponses.base64(null, BridgeDirectoryResource.ACS, clock.instant(),
                granting(READONLY_CHOICE));
        var response = post(unsigned);
        assertErrorPage(response, 400, "Response or assertion must be signed");
        assertThat(response.body().asString()).doesNotContain(unsigned.substring(0, 40))
                .doesNotContain("alice@example.com");
        assertThat(response.cookie(SamlBridgeEndpoint.CSRF_COOKIE)).isNull();
        assertThat(auditOf(response).reason()).isEqualTo(ReasonCode.SAML_SIGNATURE_INVALID);
    }

    @Test
    void whenSignedByAnUnknownKeyThen400() {
        var stranger = IdpKey.generate("CN=stranger.example.com");
        var response = post(SignedSamlResponses.base64(stranger, BridgeDirectoryResource.ACS, clock.instant(),
                granting(READONLY_CHOICE)));
        assertErrorPage(response, 400, "Response signature invalid");
    }

    @Test
    void whenTheResponseIsExpiredThen400() {
        var response = post(SignedSamlResponses.base64(idp, BridgeDirectoryResource.ACS,
                clock.instant().minusSeconds(3600), granting(READONLY_CHOICE)));
        assertErrorPage(response, 400, "Response is expired");
        assertThat(auditOf(response).reason()).isEqualTo(ReasonCode.SAML_EXPIRED);
    }

    @Test
    void whenTheResponseIsNotBase64Then400() {
        assertErrorPage(post("<script>alert(1)</script>"), 400, "Invalid SAML response");
    }

    @Test
    void whenNoResponseIsPostedThen400() {
        assertErrorPage(given().formParam("RelayState", "x").post("/saml").then().extract(), 400,
                "no SAML response");
    }

    @Test
    void whenTheRecipientIsAnotherServiceThen400() {
        var response = post(SignedSamlResponses.base64(idp, "https://elsewhere.example.com/acs", clock.instant(),
                granting(READONLY_CHOICE)));
        assertErrorPage(response, 400, "not an accepted recipient");
    }

    @Test
    void whenTheSameResponseIsPostedTwiceThenTheSecondIsRefused() {
        String response = signedResponse();
        assertThat(post(response).statusCode()).isEqualTo(200);
        assertErrorPage(post(response), 400, "Response has already been used");
    }

    @Test
    void whenNoGrantedRoleExistsThen403() {
        var response = post(SignedSamlResponses.base64(idp, BridgeDirectoryResource.ACS, clock.instant(),
                granting(BridgeDirectoryResource.MISSING_ROLE + "," + BridgeDirectoryResource.PROD_PROVIDER)));
        assertErrorPage(response, 403, "grants no role that exists here");
    }

    // ---- the choice ----

    @Test
    void whenTheCsrfFieldIsMissingThen403() {
        var picker = signIn();
        assertErrorPage(choose(picker.continuation(), null, picker.cookie(), READONLY_CHOICE), 403,
                "did not come from this browser");
    }

    @Test
    void whenTheCsrfCookieIsMissingThen403() {
        var picker = signIn();
        assertErrorPage(choose(picker.continuation(), picker.csrf(), null, READONLY_CHOICE), 403,
                "did not come from this browser");
    }

    @Test
    void whenTheCsrfTokenIsWrongThen403AndTheContinuationIsSpent() {
        var picker = signIn();
        var other = signIn();
        var response = choose(picker.continuation(), other.csrf(), other.cookie(), READONLY_CHOICE);
        assertErrorPage(response, 403, "did not come from this browser");
        assertThat(auditOf(response).detail()).contains("does not match");
        assertErrorPage(choose(picker, READONLY_CHOICE), 400, "already used");
    }

    @Test
    void whenTheContinuationIsReusedThen400() {
        var picker = signIn();
        assertThat(choose(picker, READONLY_CHOICE).statusCode()).isEqualTo(200);
        assertErrorPage(choose(picker, READONLY_CHOICE), 400, "already used");
    }

    @Test
    void whenTheContinuationIsReusedThenThePageLinksToANewSignIn() {
        var picker = signIn();
        choose(picker, READONLY_CHOICE);
        assertThat(choose(picker, READONLY_CHOICE).body().asString())
                .contains("<a id=\"sign-in-again\" href=\"" + BridgeDirectoryResource.PUBLIC_URL
                        + "/saml/sign-in\">Sign in again</a>");
    }

    @Test
    void whenTheAssertionIsRefusedThenThePageOffersNoNewSignIn() {
        String unsigned = SignedSamlResponses.base64(null, BridgeDirectoryResource.ACS, clock.instant(),
                granting(READONLY_CHOICE));
        assertThat(post(unsigned).body().asString()).doesNotContain("sign-in-again");
    }

    @Test
    void thePickerGreetsByTheRoleSessionNameAndShowsTheNameIdBesideIt() {
        var response = post(SignedSamlResponses.base64(idp, BridgeDirectoryResource.ACS, clock.instant(),
                SignedSamlResponses.attributes("alice", READONLY_CHOICE)));
        assertThat(response.body().asString()).contains("Signed in as <strong id=\"signed-in-as\">alice</strong> "
                + "<span class=\"muted\" id=\"subject\">(alice@example.com)</span>.");
    }

    @Test
    void thePickerShowsTheNameIdOnceWhenItIsAlsoTheRoleSessionName() {
        String html = post(signedResponse()).body().asString();
        assertThat(html).contains("Signed in as <strong id=\"signed-in-as\">alice@example.com</strong>.")
                .doesNotContain("id=\"subject\"");
    }

    @Test
    void anAccountWithoutANameIsShownByItsIdOnce() {
        var response = post(SignedSamlResponses.base64(idp, BridgeDirectoryResource.ACS, clock.instant(),
                granting(BridgeDirectoryResource.UNNAMED_READER + "," + BridgeDirectoryResource.UNNAMED_PROVIDER)));
        assertThat(response.body().asString()).contains("<legend>444444444444</legend>")
                .doesNotContain("(444444444444)");
    }

    @Test
    void whenTheContinuationIsUnknownThen400() {
        var picker = signIn();
        assertErrorPage(choose("A".repeat(43), picker.csrf(), picker.cookie(), READONLY_CHOICE), 400,
                "already used or is unknown");
    }

    @Test
    void whenTheContinuationIsMissingThen400() {
        var picker = signIn();
        assertErrorPage(choose(null, picker.csrf(), picker.cookie(), READONLY_CHOICE), 400, "not linked");
    }

    @Test
    void whenTheChoiceComesAfterTheContinuationExpiredThen400() {
        var picker = signIn();
        clock.advance(PendingSignIns.TTL.plusSeconds(1));
        try {
            var response = choose(picker, READONLY_CHOICE);
            assertErrorPage(response, 400, "not chosen in time");
            assertThat(auditOf(response).reason()).isEqualTo(ReasonCode.SAML_EXPIRED);
        } finally {
            clock.advance(PendingSignIns.TTL.plusSeconds(1).negated());
        }
    }

    @Test
    void whenTheRoleWasNotOfferedThen403() {
        var picker = signIn();
        var response = choose(picker,
                BridgeDirectoryResource.MISSING_ROLE + "," + BridgeDirectoryResource.PROD_PROVIDER);
        assertErrorPage(response, 403, "was not offered");
        assertThat(auditOf(response).reason()).isEqualTo(ReasonCode.SAML_ROLE_NOT_ASSERTED);
    }

    @Test
    void whenTheRoleIsPairedWithAnotherProviderThen403() {
        var picker = signIn();
        assertErrorPage(choose(picker, BridgeDirectoryResource.READONLY + ","
                + BridgeDirectoryResource.SANDBOX_PROVIDER), 403, "was not offered");
    }

    @Test
    void whenTheTrustPolicyRefusesTheOfferedRoleThen403AndAudited() {
        var picker = signIn();
        var response = choose(picker, BridgeDirectoryResource.DENIED + "," + BridgeDirectoryResource.PROD_PROVIDER);
        assertErrorPage(response, 403, "Not authorized to perform sts:AssumeRoleWithSAML");
        assertThat(auditOf(response).reason()).isEqualTo(ReasonCode.TRUST_POLICY_DENIED);
    }

    // ---- no GET ----

    @Test
    void whenTheResponseComesByGetThen405AndItIsNotConsumed() {
        var get = given().queryParam("SAMLResponse", "PHNhbWxwOlJlc3BvbnNl").get("/saml").then().extract();
        assertErrorPage(get, 405, "only accepts a form post");
        assertThat(get.header("Allow")).isEqualTo("POST");
        // A real Response does not even fit in a request line; either way it is not read.
        String response = signedResponse();
        assertThat(given().queryParam("SAMLResponse", response).get("/saml").statusCode()).isIn(405, 414);
        assertThat(post(response).statusCode()).as("the GET did not spend the assertion").isEqualTo(200);
    }

    @Test
    void whenTheChoiceComesByGetThen405AndNoCredentialsAreIssued() {
        var picker = signIn();
        var get = given().queryParam("continuation", picker.continuation()).queryParam("csrf", picker.csrf())
                .queryParam("role", READONLY_CHOICE).cookie(SamlBridgeEndpoint.CSRF_COOKIE, picker.cookie())
                .get("/saml/credentials").then().extract();
        assertErrorPage(get, 405, "only accepts a form post");
        assertThat(get.body().asString()).doesNotContain("access-key-id");
        assertThat(choose(picker, READONLY_CHOICE).statusCode()).as("the GET did not spend the continuation")
                .isEqualTo(200);
    }
}
