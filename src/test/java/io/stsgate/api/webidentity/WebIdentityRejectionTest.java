package io.stsgate.api.webidentity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.RecordingAuditSink;
import io.stsgate.testsupport.TestJwts;

/**
 * Every way a web identity token is refused, through the Query API: each with AWS's code and short message for the
 * client, the precise reason in the audit event, and the token nowhere in either.
 */
@QuarkusTest
@WithTestResource(StaticIdpResource.class)
class WebIdentityRejectionTest {

    @Inject
    RecordingAuditSink audit;

    private StaticIdpTokens idp;

    @BeforeEach
    void setUp() throws Exception {
        idp = StaticIdpTokens.issuedNow();
    }

    private Response exchange(String roleArn, String token) {
        return given().formParam("Action", "AssumeRoleWithWebIdentity").formParam("Version", "2011-06-15")
                .formParam("RoleArn", roleArn).formParam("RoleSessionName", "app-user")
                .formParam("WebIdentityToken", token)
                .when().post("/").andReturn();
    }

    private AuditEvent refused(String token, int status, String code, String message, ReasonCode reason) {
        return refused(StaticIdpResource.APP_ROLE, token, status, code, message, reason);
    }

    private AuditEvent refused(String roleArn, String token, int status, String code, String message,
            ReasonCode reason) {
        Response response = exchange(roleArn, token);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.xmlPath().getString("ErrorResponse.Error.Code")).isEqualTo(code);
        if (message != null) {
            assertThat(response.xmlPath().getString("ErrorResponse.Error.Message")).isEqualTo(message);
        }
        assertThat(response.asString()).doesNotContain(token);
        var event = audit.byRequestId(response.header("x-amzn-RequestId")).orElseThrow();
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        assertThat(event.reason()).isEqualTo(reason);
        assertThat(event.errorCode()).isEqualTo(code);
        assertThat(String.valueOf(event)).doesNotContain(token);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        if (signature.length() > 16) {
            assertThat(String.valueOf(event)).doesNotContain(signature);
        }
        return event;
    }

    @Test
    void whenTheTokenIsValidThenCredentialsAndTheAuditEventNamesTheSubject() {
        String token = idp.signed(idp.token());
        Response response = exchange(StaticIdpResource.APP_ROLE, token);
        assertThat(response.statusCode()).isEqualTo(200);
        String result = "AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.";
        assertThat(response.xmlPath().getString(result + "Provider")).isEqualTo(StaticIdpResource.PROVIDER_ARN);
        assertThat(response.xmlPath().getString(result + "Audience")).isEqualTo(StaticIdpResource.CLIENT_ID);
        assertThat(response.xmlPath().getString(result + "SubjectFromWebIdentityToken")).isEqualTo(TestJwts.SUBJECT);
        var event = audit.byRequestId(response.header("x-amzn-RequestId")).orElseThrow();
        assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(event.subject()).isEqualTo(TestJwts.SUBJECT);
        assertThat(event.issuer()).isEqualTo(StaticIdpResource.ISSUER);
        assertThat(event.tags()).containsEntry("Project", "Automation").containsEntry("mail", "alice@example.com");
        assertThat(String.valueOf(event)).doesNotContain(token);
    }

    @Test
    void whenExpiredThenExpiredTokenException() {
        var event = refused(idp.signed(idp.token().claim("exp", idp.now().getEpochSecond() - 120)), 400,
                "ExpiredTokenException",
                null, ReasonCode.TOKEN_EXPIRED);
        assertThat(event.detail()).contains("exp");
    }

    @Test
    void whenNotYetValidThenInvalidIdentityToken() {
        refused(idp.signed(idp.token().claim("nbf", idp.now().getEpochSecond() + 600)), 400, "InvalidIdentityToken", null,
                ReasonCode.TOKEN_NOT_YET_VALID);
    }

    @Test
    void whenIssuedInTheFutureBeyondSkewThenInvalidIdentityToken() {
        refused(idp.signed(
                idp.token().claim("iat", idp.now().getEpochSecond() + 600).claim("exp", idp.now().getEpochSecond() + 900)),
                400, "InvalidIdentityToken", null, ReasonCode.TOKEN_ISSUED_IN_FUTURE);
    }

    @Test
    void whenTheIssuerIsUnknownThenInvalidIdentityToken() {
        refused(idp.signed(idp.token().claim("iss", "https://evil.example.com")), 400, "InvalidIdentityToken",
                "No OpenIDConnect provider found in your account for https://evil.example.com",
                ReasonCode.TOKEN_UNKNOWN_ISSUER);
    }

    @Test
    void whenTheIssuerDiffersOnlyByATrailingSlashThenInvalidIdentityToken() {
        refused(idp.signed(idp.token().claim("iss", StaticIdpResource.ISSUER + "/")), 400, "InvalidIdentityToken", null,
                ReasonCode.TOKEN_UNKNOWN_ISSUER);
    }

    @Test
    void whenTheAudienceIsWrongThenInvalidIdentityToken() {
        refused(idp.signed(idp.token().claim("aud", "other-app").claim("azp", "other-app")), 400, "InvalidIdentityToken",
                "Incorrect token audience", ReasonCode.TOKEN_WRONG_AUDIENCE);
    }

    @Test
    void whenTheAudienceIsMissingThenInvalidIdentityToken() {
        refused(idp.signed(idp.token().without("aud")), 400, "InvalidIdentityToken", "Missing a required claim: aud",
                ReasonCode.TOKEN_MISSING_AUDIENCE);
    }

    @Test
    void whenTheSignatureIsBadThenInvalidIdentityToken() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = idp.token().sign("RS256", StaticIdpResource.KEY_ID, generator.generateKeyPair().getPrivate());
        refused(forged, 400, "InvalidIdentityToken", null, ReasonCode.TOKEN_BAD_SIGNATURE);
    }

    @Test
    void whenThePayloadIsChangedAfterSigningThenInvalidIdentityToken() {
        String genuine = idp.signed(idp.token());
        String[] parts = genuine.split("\\.");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                idp.token().claim("sub", "someone-else").payloadJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        refused(parts[0] + "." + payload + "." + parts[2], 400, "InvalidIdentityToken", null,
                ReasonCode.TOKEN_BAD_SIGNATURE);
    }

    @Test
    void whenTheKeyIdIsUnknownThenInvalidIdentityToken() {
        refused(idp.token().sign("RS256", "no-such-key", idp.key()), 400, "InvalidIdentityToken", null,
                ReasonCode.TOKEN_UNKNOWN_KEY);
    }

    @Test
    void whenTheAlgorithmIsNoneThenInvalidIdentityToken() {
        refused(idp.token().unsigned(), 400, "InvalidIdentityToken", null, ReasonCode.TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void whenHs256IsSignedWithTheIssuersPublicKeyThenInvalidIdentityToken() throws Exception {
        var publicKey = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(((java.security.interfaces.RSAPrivateCrtKey) idp.key()).getModulus(),
                        ((java.security.interfaces.RSAPrivateCrtKey) idp.key()).getPublicExponent()));
        refused(idp.token().signHs256WithPublicKey(StaticIdpResource.KEY_ID, publicKey), 400, "InvalidIdentityToken",
                null, ReasonCode.TOKEN_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void whenTheKeyIdTraversesPathsThenInvalidIdentityToken() {
        refused(idp.token().sign("RS256", "../../etc/passwd", idp.key()), 400, "InvalidIdentityToken", null,
                ReasonCode.TOKEN_KEY_ID_INVALID);
    }

    @Test
    void whenTheKeyIdCarriesInjectionCharactersThenInvalidIdentityToken() {
        refused(idp.token().sign("RS256", "k1\"; DROP TABLE keys; --", idp.key()), 400, "InvalidIdentityToken", null,
                ReasonCode.TOKEN_KEY_ID_INVALID);
    }

    @Test
    void whenJkuJwkAndX5uHeadersPointElsewhereThenTheyAreIgnored() {
        String token = idp.token().header("jku", "https://attacker.example/jwks.json")
                .header("x5u", "https://attacker.example/cert.pem")
                .sign("RS256", StaticIdpResource.KEY_ID, idp.key());
        assertThat(exchange(StaticIdpResource.APP_ROLE, token).statusCode()).isEqualTo(200);
    }

    @Test
    void whenTheTokenIsOver20000CharactersThenValidationError() {
        String huge = idp.signed(idp.token().claim("padding", "x".repeat(20_000)));
        refused(huge, 400, "ValidationError", "1 validation error detected: Value at 'webIdentityToken' failed to "
                + "satisfy constraint: Member must have length less than or equal to 20000",
                ReasonCode.INVALID_PARAMETER);
    }

    @Test
    void whenTheTokenIsNotAJwtThenInvalidIdentityToken() {
        refused("not-a-jwt-at-all", 400, "InvalidIdentityToken", null, ReasonCode.TOKEN_MALFORMED);
    }

    @Test
    void whenClaimsFailTheTrustConditionsThenAccessDenied() {
        var event = refused(idp.signed(idp.token().claim("email_verified", false)), 403, "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity", ReasonCode.TRUST_POLICY_DENIED);
        assertThat(event.detail()).contains("VerifiedEmailsOnly").contains("email_verified");
    }

    @Test
    void whenTheRoleDoesNotTrustThisProviderThenAccessDenied() {
        refused(StaticIdpResource.UNTRUSTING_ROLE, idp.signed(idp.token()), 403, "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity", ReasonCode.TRUST_POLICY_DENIED);
    }

    @Test
    void whenTheRoleDoesNotExistThenAccessDenied() {
        refused("arn:aws:iam::555555555555:role/missing", idp.signed(idp.token()), 403, "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity", ReasonCode.ROLE_NOT_FOUND);
    }

    @Test
    void whenTheRoleExistsInAnotherAccountThenTheSameAnswerAsARoleThatDoesNotExist() {
        String noProvider = "No OpenIDConnect provider found in your account for " + StaticIdpResource.ISSUER;
        var existing = refused("arn:aws:iam::666666666666:role/elsewhere", idp.signed(idp.token()), 400,
                "InvalidIdentityToken", noProvider, ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT);
        var missing = refused("arn:aws:iam::666666666666:role/missing", idp.signed(idp.token()), 400,
                "InvalidIdentityToken", noProvider, ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT);
        assertThat(existing.detail()).contains("666666666666");
        assertThat(missing.detail()).contains("666666666666");
    }

    @Test
    void whenClaimNamesCollideThenInvalidIdentityTokenNamingTheClaims() {
        var event = refused(idp.signed(idp.token().claim("Email_Verified", true).claim("email_verified", false)),
                400, "InvalidIdentityToken", null, ReasonCode.TOKEN_CLAIM_NAME_COLLISION);
        assertThat(event.detail()).contains("Email_Verified").contains("email_verified");
    }

    @Test
    void whenTheSourceIdentityClaimIsSetButTheTrustPolicyLacksSetSourceIdentityThenAccessDenied() {
        var token = idp.signed(idp.token().claim("https://aws.amazon.com/source_identity", "alice"));
        refused(token, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity",
                ReasonCode.TRUST_POLICY_DENIED);
    }

    @Test
    void whenTheSourceIdentityClaimIsSetAndAllowedThenTheSessionCarriesIt() {
        var token = idp.signed(idp.token().claim("https://aws.amazon.com/source_identity", "alice"));
        Response response = exchange(StaticIdpResource.SOURCE_IDENTITY_ROLE, token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.xmlPath().getString(
                "AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.SourceIdentity")).isEqualTo("alice");
    }

    @Test
    void whenTheSourceIdentityClaimIsInvalidThenInvalidIdentityToken() {
        refused(idp.signed(idp.token().claim("https://aws.amazon.com/source_identity", "aws:root")), 400,
                "InvalidIdentityToken", null, ReasonCode.TOKEN_CLAIMS_INVALID);
    }
}
