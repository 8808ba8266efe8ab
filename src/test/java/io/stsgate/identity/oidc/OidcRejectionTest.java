package io.stsgate.identity.oidc;

import static io.stsgate.identity.oidc.TestProviders.CLIENT_ID;
import static io.stsgate.identity.oidc.TestProviders.EC;
import static io.stsgate.identity.oidc.TestProviders.ED;
import static io.stsgate.identity.oidc.TestProviders.RSA;
import static io.stsgate.identity.oidc.TestProviders.WEAK;
import static io.stsgate.identity.oidc.TestProviders.assertRejected;
import static io.stsgate.identity.oidc.TestProviders.assertVerified;
import static io.stsgate.identity.oidc.TestProviders.signed;
import static io.stsgate.identity.oidc.TestProviders.staticProvider;
import static io.stsgate.identity.oidc.TestProviders.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.stsgate.identity.oidc.TestKeys.TestKey;
import io.stsgate.testsupport.TestJwts;

/** One test per way a token is refused, each asserting its own failure. Keys come from a static JWKS. */
class OidcRejectionTest {

    private final OidcIssuers issuers = TestProviders.issuers(staticProvider());

    private TokenVerification verify(String token) {
        return TestProviders.verify(issuers, token);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String alg) {
        return b64("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}");
    }

    // --- size and structure ---

    @Test
    void tokenOver20000CharactersIsTooLargeBeforeParsing() {
        String token = "x".repeat(OidcIssuers.MAX_TOKEN_LENGTH + 1);
        TokenVerification.Rejected rejected = assertRejected(verify(token), OidcFailure.TOO_LARGE);
        assertThat(rejected.failure().wireCode()).isEqualTo("ValidationError");
        assertThat(rejected.clientMessage()).isEqualTo("1 validation error detected: Value at 'webIdentityToken'"
                + " failed to satisfy constraint: Member must have length less than or equal to 20000");
    }

    @Test
    void tokenOfExactly20000CharactersIsParsedNotTooLarge() {
        assertRejected(verify("x".repeat(OidcIssuers.MAX_TOKEN_LENGTH)), OidcFailure.MALFORMED);
    }

    @Test
    void twoPartsAreMalformed() {
        assertRejected(verify(header("RS256") + "." + b64("{}")), OidcFailure.MALFORMED);
    }

    @Test
    void fivePartJweIsMalformed() {
        String jwe = TestJwts.compact(b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}"), "a", "b", "c", "d");
        TokenVerification.Rejected rejected = assertRejected(verify(jwe), OidcFailure.MALFORMED);
        assertThat(rejected.detail()).contains("JWE");
    }

    @Test
    void emptyTokenIsMalformed() {
        assertRejected(verify(""), OidcFailure.MALFORMED);
        assertRejected(verify(null), OidcFailure.MALFORMED);
    }

    @Test
    void paddedBase64IsMalformed() {
        String[] parts = signed(token(), RSA).split("\\.");
        assertRejected(verify(TestJwts.compact(parts[0] + "=", parts[1], parts[2])), OidcFailure.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+", "/", " ", "\u00e9" })
    void charactersOutsideBase64urlAreMalformed(String character) {
        String[] parts = signed(token(), RSA).split("\\.");
        String payload = parts[1].substring(0, 8) + character + parts[1].substring(9);
        assertRejected(verify(TestJwts.compact(parts[0], payload, parts[2])), OidcFailure.MALFORMED);
        String signature = parts[2].substring(0, 8) + character + parts[2].substring(9);
        assertRejected(verify(TestJwts.compact(parts[0], parts[1], signature)), OidcFailure.MALFORMED);
    }

    @Test
    void headerThatIsNotJsonIsMalformed() {
        String[] parts = signed(token(), RSA).split("\\.");
        assertRejected(verify(TestJwts.compact(b64("{alg:RS256"), parts[1], parts[2])), OidcFailure.MALFORMED);
    }

    @Test
    void payloadThatIsAJsonArrayIsMalformed() {
        assertRejected(verify(TestJwts.compact(header("RS256"), b64("[1,2]"), "c2ln")), OidcFailure.MALFORMED);
    }

    @Test
    void duplicateClaimNamesAreMalformed() {
        String payload = b64("{\"iss\":\"" + TestProviders.ISSUER + "\",\"sub\":\"a\",\"sub\":\"b\"}");
        assertRejected(verify(TestJwts.compact(header("RS256"), payload, "c2ln")), OidcFailure.MALFORMED);
    }

    @Test
    void unknownCriticalHeaderIsMalformed() {
        String token = token().header("crit", List.of("exp-ext")).header("exp-ext", true).sign("RS256", "rsa-1",
                RSA.privateKey());
        assertRejected(verify(token), OidcFailure.MALFORMED);
    }

    @Test
    void missingExpIsMalformedAndSaysSo() {
        TokenVerification.Rejected rejected = assertRejected(verify(signed(token().without("exp"), RSA)),
                OidcFailure.MALFORMED);
        assertThat(rejected.clientMessage()).isEqualTo("Missing a required claim: exp");
    }

    @Test
    void fractionalExpIsMalformed() {
        long exp = TestProviders.NOW.getEpochSecond() + 300;
        assertRejected(verify(signed(token().claim("exp", exp + 0.5), RSA)), OidcFailure.MALFORMED);
    }

    @Test
    void stringExpIsMalformed() {
        assertRejected(verify(signed(token().claim("exp", "9999999999"), RSA)), OidcFailure.MALFORMED);
    }

    @Test
    void missingIatIsMalformed() {
        assertRejected(verify(signed(token().without("iat"), RSA)), OidcFailure.MALFORMED);
    }

    @Test
    void audienceThatIsNeitherStringNorStringArrayIsMalformed() {
        assertRejected(verify(signed(token().claim("aud", List.of(CLIENT_ID, 7)), RSA)), OidcFailure.MALFORMED);
    }

    // --- issuer ---

    @Test
    void unknownIssuerIsRefusedWithTheAwsMessage() {
        String token = signed(TestJwts.idToken("https://evil.example.com", CLIENT_ID, TestProviders.NOW), RSA);
        TokenVerification.Rejected rejected = assertRejected(verify(token), OidcFailure.UNKNOWN_ISSUER);
        assertThat(rejected.clientMessage())
                .isEqualTo("No OpenIDConnect provider found in your account for https://evil.example.com");
        assertThat(rejected.failure().wireCode()).isEqualTo("InvalidIdentityToken");
    }

    @Test
    void issuerDifferingByATrailingSlashIsUnknown() {
        String token = signed(TestJwts.idToken(TestProviders.ISSUER + "/", CLIENT_ID, TestProviders.NOW), RSA);
        assertRejected(verify(token), OidcFailure.UNKNOWN_ISSUER);
    }

    @Test
    void missingIssuerIsUnknown() {
        assertRejected(verify(signed(token().without("iss"), RSA)), OidcFailure.UNKNOWN_ISSUER);
    }

    @Test
    void issuerOfAnotherProviderThanTheExpectedOneIsUnknown() {
        String token = signed(token(), RSA);
        TokenVerification result = issuers.verify(token, "arn:aws:iam::111122223333:oidc-provider/other.example.com")
                .await().indefinitely();
        assertRejected(result, OidcFailure.UNKNOWN_ISSUER);
        assertVerified(issuers.verify(token, TestProviders.ARN).await().indefinitely());
    }

    // --- algorithm ---

    @Test
    void algNoneIsNotAllowed() {
        assertRejected(verify(token().unsigned()), OidcFailure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256SignedWithTheIssuersRsaPublicKeyIsNotAllowed() {
        String forged = token().signHs256WithPublicKey("rsa-1", RSA.publicKey());
        assertRejected(verify(forged), OidcFailure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void algorithmOutsideTheProvidersAllowListIsNotAllowed() {
        OidcIssuers es256Only = TestProviders.issuers(staticProvider().withAllowedAlgorithms(Set.of("ES256")));
        assertRejected(TestProviders.verify(es256Only, signed(token(), RSA)), OidcFailure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void algorithmThatDoesNotFitTheKeyTypeIsNotAllowed() {
        // An ES256 header naming the RSA key: the key type must match the algorithm.
        String token = token().sign("ES256", "rsa-1", EC.privateKey());
        assertRejected(verify(token), OidcFailure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void ecCurveThatDoesNotFitTheAlgorithmIsNotAllowed() {
        // ES384 needs P-384; the named key is on P-256.
        String token = token().sign("ES384", "ec-1", EC.privateKey());
        assertRejected(verify(token), OidcFailure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void algorithmOtherThanTheJwkAlgIsNotAllowed() {
        // The JWK says RS256; a PS256 signature by the same key is refused.
        assertRejected(verify(token().sign("PS256", "rsa-1", RSA.privateKey())), OidcFailure.ALGORITHM_NOT_ALLOWED);
    }

    // --- key id and keys ---

    @ParameterizedTest
    @ValueSource(strings = { "../../etc/passwd", "a/../b", "key\"1", "key 1", "key\u00001", "key\n1", "key'1",
            "key;drop", "" })
    void keyIdWithForbiddenCharactersIsInvalid(String kid) {
        assertRejected(verify(token().sign("RS256", kid, RSA.privateKey())), OidcFailure.KEY_ID_INVALID);
    }

    @Test
    void keyIdLongerThan128CharactersIsInvalid() {
        assertRejected(verify(token().sign("RS256", "k".repeat(129), RSA.privateKey())), OidcFailure.KEY_ID_INVALID);
    }

    @Test
    void keyIdThatIsNotAStringIsInvalid() {
        assertRejected(verify(token().header("kid", 42).sign("RS256", null, RSA.privateKey())),
                OidcFailure.KEY_ID_INVALID);
    }

    @Test
    void keyIdNotInTheJwksIsUnknown() {
        TokenVerification.Rejected rejected = assertRejected(verify(token().sign("RS256", "rsa-9", RSA.privateKey())),
                OidcFailure.UNKNOWN_KEY);
        assertThat(rejected.clientMessage()).isEqualTo("Couldn't retrieve verification key from your identity"
                + " provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
    }

    @Test
    void missingKeyIdIsUnknownWhenSeveralKeysFitTheAlgorithm() {
        TestKey second = TestKeys.rsa2048("rsa-2");
        OidcIssuers twoRsa = TestProviders.issuers(staticProvider(RSA, second));
        assertRejected(TestProviders.verify(twoRsa, token().sign("RS256", null, RSA.privateKey())),
                OidcFailure.UNKNOWN_KEY);
    }

    @Test
    void missingKeyIdIsAcceptedWhenExactlyOneKeyFitsTheAlgorithm() {
        // RSA, EC, Ed25519 and a weak RSA key: only one strong key fits RS256.
        assertVerified(verify(token().sign("RS256", null, RSA.privateKey())));
        assertVerified(verify(token().sign("ES256", null, EC.privateKey())));
    }

    @Test
    void rsaKeyUnder2048BitsIsWeak() {
        assertRejected(verify(signed(token(), WEAK)), OidcFailure.WEAK_KEY);
    }

    @Test
    void weakStaticKeyIsWeakEvenWithoutKeyId() {
        OidcIssuers weakOnly = TestProviders.issuers(staticProvider(WEAK));
        assertRejected(TestProviders.verify(weakOnly, token().sign("RS256", null, WEAK.privateKey())),
                OidcFailure.WEAK_KEY);
    }

    @Test
    void tamperedPayloadHasABadSignature() {
        String[] parts = signed(token(), RSA).split("\\.");
        String forged = TestJwts.compact(parts[0], b64(token().claim("sub", "admin").payloadJson()), parts[2]);
        assertRejected(verify(forged), OidcFailure.BAD_SIGNATURE);
    }

    @Test
    void signatureByAnotherKeyUnderTheSameKidIsBad() {
        TestKey impostor = TestKeys.rsa2048("impostor");
        assertRejected(verify(token().sign("RS256", "rsa-1", impostor.privateKey())), OidcFailure.BAD_SIGNATURE);
    }

    @Test
    void emptySignatureIsBad() {
        String[] parts = signed(token(), RSA).split("\\.");
        assertRejected(verify(parts[0] + "." + parts[1] + "."), OidcFailure.BAD_SIGNATURE);
        String[] ec = signed(token(), EC).split("\\.");
        assertRejected(verify(ec[0] + "." + ec[1] + "."), OidcFailure.BAD_SIGNATURE);
    }

    @Test
    void embeddedJwkHeaderIsIgnored() {
        // The attacker signs with their own key and ships its public half in the header, under a known kid.
        TestKey attacker = TestKeys.rsa2048("attacker");
        String token = token().header("jwk", attacker.jwk()).sign("RS256", "rsa-1", attacker.privateKey());
        assertRejected(verify(token), OidcFailure.BAD_SIGNATURE);
    }

    // --- audience and subject ---

    @Test
    void missingAudienceIsRefusedWithTheAwsMessage() {
        TokenVerification.Rejected rejected = assertRejected(verify(signed(token().without("aud"), RSA)),
                OidcFailure.MISSING_AUDIENCE);
        assertThat(rejected.clientMessage()).isEqualTo("Missing a required claim: aud");
    }

    @Test
    void emptyAudienceArrayIsMissing() {
        assertRejected(verify(signed(token().claim("aud", List.of()), RSA)), OidcFailure.MISSING_AUDIENCE);
    }

    @Test
    void audienceOfAnotherClientIsWrong() {
        TokenVerification.Rejected rejected = assertRejected(verify(signed(token().claim("aud", "other-app"), RSA)),
                OidcFailure.WRONG_AUDIENCE);
        assertThat(rejected.clientMessage()).isEqualTo("Incorrect token audience");
    }

    @Test
    void audienceArrayWithoutAnyClientIdIsWrong() {
        assertRejected(verify(signed(token().claim("aud", List.of("a", "b")), RSA)), OidcFailure.WRONG_AUDIENCE);
    }

    @Test
    void foreignAuthorizedPartyOfAMultiAudienceTokenIsWrong() {
        String token = signed(token().claim("aud", List.of(CLIENT_ID, "account")).claim("azp", "other-app"), RSA);
        assertRejected(verify(token), OidcFailure.WRONG_AUDIENCE);
    }

    @Test
    void foreignAuthorizedPartyOfASingleAudienceTokenIsAccepted() {
        VerifiedToken verified = assertVerified(verify(signed(token().claim("azp", "other-app"), RSA)));
        assertThat(verified.authorizedParty()).isEqualTo("other-app");
    }

    @Test
    void missingSubjectIsRefused() {
        TokenVerification.Rejected rejected = assertRejected(verify(signed(token().without("sub"), RSA)),
                OidcFailure.MISSING_SUBJECT);
        assertThat(rejected.clientMessage()).isEqualTo("Missing a required claim: sub");
    }

    @Test
    void emptySubjectIsMissing() {
        assertRejected(verify(signed(token().claim("sub", ""), RSA)), OidcFailure.MISSING_SUBJECT);
    }

    @Test
    void detailsNeverCarryTheTokenOrItsSignature() {
        String token = signed(token().claim("aud", "other-app"), RSA);
        String[] parts = token.split("\\.");
        TokenVerification.Rejected rejected = assertRejected(verify(token), OidcFailure.WRONG_AUDIENCE);
        assertThat(rejected.detail()).doesNotContain(parts[1]).doesNotContain(parts[2]);
        assertThat(rejected.clientMessage()).doesNotContain(parts[2]);
    }

    @Test
    void edDsaKeyCannotVerifyAnRsaAlgorithm() {
        assertRejected(verify(token().sign("RS256", "ed-1", RSA.privateKey())), OidcFailure.ALGORITHM_NOT_ALLOWED);
        assertVerified(verify(signed(token(), ED)));
    }
}
