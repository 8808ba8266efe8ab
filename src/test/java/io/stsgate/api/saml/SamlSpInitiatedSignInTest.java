package io.stsgate.api.saml;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.stsgate.audit.ReasonCode;
import io.stsgate.identity.saml.SignedSamlResponses;
import io.stsgate.identity.saml.SignedSamlResponses.IdpKey;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestClock;

/**
 * SP-initiated sign-in: {@code GET /saml/sign-in} sends the browser to the IdP with an AuthnRequest and a RelayState;
 * the IdP's Response must answer that request (signed InResponseTo) and come back with the same RelayState.
 */
@QuarkusTest
@WithTestResource(BridgeDirectoryResource.class)
class SamlSpInitiatedSignInTest {

    @Inject
    TestClock clock;
    @Inject
    RecordingAuditSink audit;
    @Inject
    SignInRequests requests;

    private IdpKey idp;

    @BeforeEach
    void setUp() throws Exception {
        idp = BridgeDirectoryResource.idpKey();
    }

    /** What the IdP receives: the AuthnRequest's id (decoded from the SAMLRequest) and the RelayState. */
    record Sent(URI location, String requestId, String relayState) {
    }

    private Sent start(String provider) {
        var request = given().redirects().follow(false);
        if (provider != null) {
            request.queryParam("provider", provider);
        }
        var response = request.get("/saml/sign-in").then().extract();
        assertThat(response.statusCode()).isEqualTo(303);
        SamlBridgeTest.assertBridgeHeaders(response);
        URI location = URI.create(response.header("Location"));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String xml = AuthnRequests.inflate(query.get("SAMLRequest"));
        var id = java.util.regex.Pattern.compile(" ID=\"([^\"]+)\"").matcher(xml);
        assertThat(id.find()).as("AuthnRequest ID in " + xml).isTrue();
        assertThat(xml).contains("AssertionConsumerServiceURL=\"" + BridgeDirectoryResource.ACS + "\"");
        return new Sent(location, id.group(1), query.get("RelayState"));
    }

    private String answer(String inResponseTo) {
        return SignedSamlResponses.base64(idp, BridgeDirectoryResource.ACS, clock.instant(),
                SignedSamlResponses.attributes("alice@example.com", BridgeDirectoryResource.READONLY + ","
                        + BridgeDirectoryResource.PROD_PROVIDER),
                inResponseTo);
    }

    private ExtractableResponse<Response> post(String samlResponse, String relayState) {
        var request = given().formParam("SAMLResponse", samlResponse);
        if (relayState != null) {
            request.formParam("RelayState", relayState);
        }
        return request.post("/saml").then().extract();
    }

    private void assertRefused(ExtractableResponse<Response> response, ReasonCode reason, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().asString()).contains(message);
        assertThat(audit.byRequestId(response.header("X-Request-Id")).orElseThrow().reason()).isEqualTo(reason);
    }

    @Test
    void whenAProviderIsNamedThenTheBrowserGoesToItsSsoUrlWithAnAuthnRequest() {
        Sent sent = start(BridgeDirectoryResource.SANDBOX_PROVIDER);
        assertThat(sent.location().toString()).startsWith(BridgeDirectoryResource.SANDBOX_SSO_URL + "&SAMLRequest=");
        assertThat(sent.relayState()).hasSizeBetween(16, 80);
        assertThat(sent.requestId()).startsWith("_");
    }

    @Test
    void whenTheResponseAnswersTheRequestWithItsRelayStateThenThePickerIsShown() {
        Sent sent = start(BridgeDirectoryResource.PROD_PROVIDER);
        var response = post(answer(sent.requestId()), sent.relayState());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().asString()).contains("<h1>Choose a role</h1>");
    }

    @Test
    void whenSeveralProvidersCanSignInAndNoneIsNamedThenTheyAreListed() {
        var response = given().redirects().follow(false).get("/saml/sign-in").then().extract();
        assertThat(response.statusCode()).isEqualTo(200);
        SamlBridgeTest.assertBridgeHeaders(response);
        assertThat(response.body().asString()).contains("<h1>Sign in</h1>")
                .contains("href=\"sign-in?provider=arn%3Aaws%3Aiam%3A%3A222222222222%3Asaml-provider%2Fcorp\"")
                .contains("(Production)").contains("(Sandbox)");
    }

    @Test
    void whenTheNamedProviderIsUnknownThenNotFound() {
        var response = given().queryParam("provider", "arn:aws:iam::222222222222:saml-provider/ghost")
                .redirects().follow(false).get("/saml/sign-in").then().extract();
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(audit.byRequestId(response.header("X-Request-Id")).orElseThrow().reason())
                .isEqualTo(ReasonCode.SAML_PROVIDER_UNKNOWN);
    }

    @Test
    void whenTheRelayStateDiffersThenRefused() {
        Sent sent = start(BridgeDirectoryResource.PROD_PROVIDER);
        assertRefused(post(answer(sent.requestId()), "another"), ReasonCode.SAML_REQUEST_UNMATCHED,
                "does not answer a sign-in started here");
    }

    @Test
    void whenTheRelayStateIsMissingThenRefused() {
        Sent sent = start(BridgeDirectoryResource.PROD_PROVIDER);
        assertRefused(post(answer(sent.requestId()), null), ReasonCode.SAML_REQUEST_UNMATCHED,
                "does not answer a sign-in started here");
    }

    @Test
    void whenTheResponseAnswersARequestStsgateDidNotMakeThenRefused() {
        assertRefused(post(answer("_f0a1b2c3d4"), "anything"), ReasonCode.SAML_REQUEST_UNMATCHED,
                "does not answer a sign-in started here");
    }

    @Test
    void whenTheRequestWentToAnotherProviderThenRefused() {
        SignInRequest request = requests.open("arn:aws:iam::444444444444:saml-provider/elsewhere");
        assertRefused(post(answer(request.id()), request.relayState()), ReasonCode.SAML_REQUEST_UNMATCHED,
                "does not answer a sign-in started here");
    }

    @Test
    void whenTheSignInAtTheIdpTookTooLongThenRefused() {
        Sent sent = start(BridgeDirectoryResource.PROD_PROVIDER);
        clock.advance(SignInRequests.TTL.plus(Duration.ofSeconds(1)));
        assertRefused(post(answer(sent.requestId()), sent.relayState()), ReasonCode.SAML_EXPIRED,
                "took too long");
    }

    @Test
    void whenAnUnsolicitedResponseCarriesARelayStateThenItIsIgnored() {
        var response = post(answer(null), "https://evil.example.com/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().asString()).doesNotContain("evil.example.com");
    }
}
