package io.stsgate.identity.sigv4;

import static io.stsgate.identity.sigv4.SigV4Assertions.assertRejected;
import static io.stsgate.identity.sigv4.SigV4Assertions.assertVerified;
import static io.stsgate.identity.sigv4.TestSignedRequests.ACCESS_KEY_ID;
import static io.stsgate.identity.sigv4.TestSignedRequests.FORM_BODY;
import static io.stsgate.identity.sigv4.TestSignedRequests.SESSION_ACCESS_KEY_ID;
import static io.stsgate.identity.sigv4.TestSignedRequests.SESSION_TOKEN;
import static io.stsgate.identity.sigv4.TestSignedRequests.SIGNED_AT;
import static io.stsgate.identity.sigv4.TestSignedRequests.authorization;
import static io.stsgate.identity.sigv4.TestSignedRequests.longTerm;
import static io.stsgate.identity.sigv4.TestSignedRequests.post;
import static io.stsgate.identity.sigv4.TestSignedRequests.session;
import static io.stsgate.identity.sigv4.TestSignedRequests.sign;
import static io.stsgate.identity.sigv4.TestSignedRequests.withBody;
import static io.stsgate.identity.sigv4.TestSignedRequests.withHeader;
import static io.stsgate.identity.sigv4.TestSignedRequests.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The Authorization-header form, signed by the AWS SDK for Java v2 signer. */
class SigV4VerifierTest {

    private final RecordingResolver resolver = new RecordingResolver();

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
    }

    private SigV4Result<String> verify(SignedRequest request) {
        return verifierAt(SIGNED_AT).verify(request, resolver);
    }

    private static SignedRequest signedPost() {
        return sign(post(FORM_BODY), FORM_BODY, longTerm(), SIGNED_AT);
    }

    // ---------------------------------------------------------------- accepted

    @Test
    void whenPostIsSignedWithLongTermKeyThenVerified() {
        SigV4Result.Verified<String> verified = assertVerified(verify(signedPost()));

        assertThat(verified.accessKeyId()).isEqualTo(ACCESS_KEY_ID);
        assertThat(verified.principal()).isEqualTo("user/alice");
        assertThat(verified.region()).isEqualTo("us-east-1");
        assertThat(verified.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(resolver.calls).containsExactly(new RecordingResolver.Call(ACCESS_KEY_ID, null));
    }

    @Test
    void whenPostIsSignedWithSessionCredentialsThenVerifiedAndTokenPassedToResolver() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY, session(), SIGNED_AT);

        SigV4Result.Verified<String> verified = assertVerified(verify(request));

        assertThat(verified.accessKeyId()).isEqualTo(SESSION_ACCESS_KEY_ID);
        assertThat(verified.principal()).isEqualTo("assumed-role/demo/alice");
        assertThat(resolver.calls).containsExactly(new RecordingResolver.Call(SESSION_ACCESS_KEY_ID, SESSION_TOKEN));
    }

    @Test
    void whenGetWithQueryIsSignedThenVerified() {
        SignedRequest request = sign(TestSignedRequests.get(), "", longTerm(), SIGNED_AT);

        assertThat(request.rawQuery()).isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
        assertVerified(verify(request));
    }

    @Test
    void whenQueryHasCharactersNeedingEncodingThenVerified() {
        SdkHttpFullRequest request = TestSignedRequests.get().toBuilder()
                .putRawQueryParameter("RoleSessionName", "a b+c/d=e~f_g.h-i")
                .putRawQueryParameter("Tags.member.1.Value", "grüße ✓")
                .putRawQueryParameter("Empty", "")
                .putRawQueryParameter("Multi", List.of("z", "a"))
                .build();

        assertVerified(verify(sign(request, "", longTerm(), SIGNED_AT)));
    }

    @Test
    void whenPathIsNotRootThenVerified() {
        SdkHttpFullRequest request = post(FORM_BODY).toBuilder().encodedPath("/tenant%20a/sts:endpoint").build();

        SignedRequest signed = sign(request, FORM_BODY, longTerm(), SIGNED_AT);

        assertThat(signed.rawPath()).isEqualTo("/tenant%20a/sts:endpoint");
        assertVerified(verify(signed));
    }

    @Test
    void whenHeaderValuesHaveExtraWhitespaceThenVerified() {
        SdkHttpFullRequest request = post(FORM_BODY).toBuilder()
                .putHeader("X-Amz-Meta-Note", "  several   inner    spaces  ")
                .putHeader("X-Amz-Meta-Multi", List.of("first", "second value"))
                .build();

        SignedRequest signed = sign(request, FORM_BODY, longTerm(), SIGNED_AT);

        assertThat(authorization(signed)).contains("x-amz-meta-multi;x-amz-meta-note");
        assertVerified(verify(signed));
    }

    @Test
    void whenHeaderNamesArriveInAnotherCaseThenVerified() {
        SignedRequest signed = signedPost();
        Map<String, List<String>> upper = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> upper.put(name.toUpperCase(java.util.Locale.ROOT), values));

        assertVerified(verify(new SignedRequest("POST", "/", null, upper, signed.body())));
    }

    @Test
    void whenRegionIsAnotherThenVerifiedAndRegionReported() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY, longTerm(), SIGNED_AT, "sts", "eu-central-1");

        assertThat(assertVerified(verify(request)).region()).isEqualTo("eu-central-1");
    }

    @Test
    void whenSignedExactly15MinutesAgoThenVerified() {
        assertVerified(verifierAt(SIGNED_AT.plus(Duration.ofMinutes(15))).verify(signedPost(), resolver));
    }

    @Test
    void whenSignedExactly15MinutesAheadThenVerified() {
        assertVerified(verifierAt(SIGNED_AT.minus(Duration.ofMinutes(15))).verify(signedPost(), resolver));
    }

    @Test
    void whenVerifiedTwiceThenSecondUsesTheCachedSigningKeyAndStillVerifies() {
        SigV4Verifier verifier = verifierAt(SIGNED_AT);

        assertVerified(verifier.verify(signedPost(), resolver));
        assertVerified(verifier.verify(signedPost(), resolver));
        assertRejected(verifier.verify(withBody(signedPost(), "Action=Other"), resolver),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    // ---------------------------------------------------------------- missing / malformed

    @Test
    void whenNoAuthenticationThenMissingAuthenticationToken() {
        SignedRequest request = withoutHeader(signedPost(), "Authorization");

        String message = assertRejected(verify(request), SigV4Failure.MISSING_AUTHENTICATION_TOKEN);

        assertThat(message).isEqualTo("Request is missing Authentication Token");
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenAuthorizationHeaderIsBlankThenMissingAuthenticationToken() {
        assertRejected(verify(withHeader(signedPost(), "Authorization", "  ")),
                SigV4Failure.MISSING_AUTHENTICATION_TOKEN);
    }

    @Test
    void whenAuthorizationHasOnlyTheAlgorithmThenIncompleteSignatureListingEveryMissingPart() {
        SignedRequest request = withoutHeader(withHeader(signedPost(), "Authorization", "AWS4-HMAC-SHA256"),
                "X-Amz-Date");

        String message = assertRejected(verify(request), SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("Authorization header requires 'Credential' parameter."
                + " Authorization header requires 'Signature' parameter."
                + " Authorization header requires 'SignedHeaders' parameter."
                + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenAuthorizationLacksCredentialThenIncompleteSignature() {
        String header = authorization(signedPost()).replaceFirst("Credential=[^,]*, ", "");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("Authorization header requires 'Credential' parameter.");
    }

    @Test
    void whenAuthorizationLacksSignatureThenIncompleteSignature() {
        String header = authorization(signedPost()).replaceFirst(", Signature=[0-9a-f]*", "");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("Authorization header requires 'Signature' parameter.");
    }

    @Test
    void whenAuthorizationLacksSignedHeadersThenIncompleteSignature() {
        String header = authorization(signedPost()).replaceFirst("SignedHeaders=[^,]*, ", "");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("Authorization header requires 'SignedHeaders' parameter.");
    }

    @Test
    void whenAuthorizationPartHasNoEqualSignThenIncompleteSignature() {
        String header = authorization(signedPost()).replace("Credential=", "Credential ");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).contains("not a valid key=value pair (missing equal-sign) in Authorization header");
    }

    @Test
    void whenAuthorizationRepeatsAParameterThenIncompleteSignature() {
        String header = authorization(signedPost()) + ", Signature=" + "0".repeat(64);

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).contains("'Signature'").contains("more than once");
    }

    @Test
    void whenAuthorizationHasAnUnknownParameterThenIncompleteSignature() {
        String header = authorization(signedPost()) + ", Extra=1";

        assertRejected(verify(withHeader(signedPost(), "Authorization", header)), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenAuthorizationUsesAnotherAlgorithmThenIncompleteSignature() {
        String header = authorization(signedPost()).replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'.");
    }

    @Test
    void whenAuthorizationIsABearerTokenThenIncompleteSignatureWithoutEchoingIt() {
        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", "eyJhbGciOiJIUzI1NiJ9.e30.x")),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).doesNotContain("eyJ");
    }

    @Test
    void whenAuthorizationIsSigV2ThenIncompleteSignature() {
        assertRejected(verify(withHeader(signedPost(), "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo=")),
                SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenCredentialHasFourElementsThenIncompleteSignature() {
        String header = authorization(signedPost()).replace("/us-east-1/", "/");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).startsWith("Credential must have exactly 5 slash-delimited elements");
    }

    @Test
    void whenTwoAuthorizationHeadersThenIncompleteSignature() {
        String header = authorization(signedPost());

        assertRejected(verify(withHeader(signedPost(), "Authorization", header, header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenNeitherXAmzDateNorDateThenIncompleteSignature() {
        String message = assertRejected(verify(withoutHeader(signedPost(), "X-Amz-Date")),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    @Test
    void whenXAmzDateIsMalformedThenIncompleteSignature() {
        String message = assertRejected(verify(withHeader(signedPost(), "X-Amz-Date", "2024-01-01T00:00:00Z")),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("Date must be in ISO-8601 'basic format'. Got '2024-01-01T00:00:00Z'."
                + " See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void whenXAmzDateIsNotACalendarDateThenIncompleteSignature() {
        assertRejected(verify(withHeader(signedPost(), "X-Amz-Date", "20240230T000000Z")),
                SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenDateHeaderIsMalformedThenIncompleteSignature() {
        SignedRequest request = withHeader(withoutHeader(signedPost(), "X-Amz-Date"), "Date", "yesterday");

        assertRejected(verify(request), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenSignedHeadersAreNotSortedThenIncompleteSignature() {
        String header = authorization(signedPost()).replace("content-length;content-type;",
                "content-type;content-length;");

        assertRejected(verify(withHeader(signedPost(), "Authorization", header)), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenSignedHeadersHaveUpperCaseThenIncompleteSignature() {
        String header = authorization(signedPost()).replace(";host;", ";Host;");

        assertRejected(verify(withHeader(signedPost(), "Authorization", header)), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenHostIsNotSignedThenIncompleteSignature() {
        String header = authorization(signedPost()).replace(";host;", ";");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenSecurityTokenHeaderIsNotSignedThenIncompleteSignature() {
        SignedRequest request = withHeader(signedPost(), "X-Amz-Security-Token", SESSION_TOKEN);

        assertRejected(verify(request), SigV4Failure.INCOMPLETE_SIGNATURE);
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenQueryHasABadPercentEscapeThenIncompleteSignature() {
        SignedRequest request = TestSignedRequests.withQuery(signedPost(), "Action=%zz");

        assertRejected(verify(request), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    // ---------------------------------------------------------------- credential scope

    @Test
    void whenServiceInScopeIsNotStsThenSignatureDoesNotMatch() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY, longTerm(), SIGNED_AT, "iam", "us-east-1");

        String message = assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).isEqualTo("Credential should be scoped to correct service: 'sts'. ");
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenTerminatorIsWrongThenSignatureDoesNotMatch() {
        String header = authorization(signedPost()).replace("/aws4_request", "/aws4_requests");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message)
                .isEqualTo("Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requests'. ");
    }

    @Test
    void whenScopeDateDiffersFromXAmzDateThenSignatureDoesNotMatch() {
        String header = authorization(signedPost()).replace("/20240101/", "/20231231/");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).isEqualTo("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
                + " from HTTP: '20231231' != '20240101', from '20240101T000000Z'.");
    }

    @Test
    void whenRegionIsEmptyThenSignatureDoesNotMatch() {
        String header = authorization(signedPost()).replace("/us-east-1/", "//");

        String message = assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).contains("valid region");
    }

    // ---------------------------------------------------------------- time

    @Test
    void whenSignedMoreThan15MinutesAgoThenSignatureExpired() {
        Instant now = SIGNED_AT.plus(Duration.ofMinutes(15)).plusSeconds(1);

        String message = assertRejected(verifierAt(now).verify(signedPost(), resolver),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).isEqualTo("Signature expired: 20240101T000000Z is now earlier than 20240101T000001Z"
                + " (20240101T001501Z - 15 min.)");
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenSignedMoreThan15MinutesAheadThenSignatureNotYetCurrent() {
        Instant now = SIGNED_AT.minus(Duration.ofMinutes(15)).minusSeconds(1);

        String message = assertRejected(verifierAt(now).verify(signedPost(), resolver),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).isEqualTo("Signature not yet current: 20240101T000000Z is still later than"
                + " 20231231T235959Z (20231231T234459Z + 15 min.)");
    }

    @Test
    void whenSkewedAndKeyUnknownThenTimeIsReportedBeforeCredentials() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY,
                AwsCredentialsIdentity.create("AKIAUNKNOWNUNKNOWN00", "x".repeat(40)), SIGNED_AT);

        assertRejected(verifierAt(SIGNED_AT.plus(Duration.ofHours(1))).verify(request, resolver),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
        assertThat(resolver.calls).isEmpty();
    }

    // ---------------------------------------------------------------- credentials

    @Test
    void whenAccessKeyIsUnknownThenInvalidClientTokenId() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY,
                AwsCredentialsIdentity.create("AKIAUNKNOWNUNKNOWN00", "x".repeat(40)), SIGNED_AT);

        String message = assertRejected(verify(request), SigV4Failure.INVALID_CLIENT_TOKEN_ID);

        assertThat(message).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void whenAccessKeyIdHasInvalidCharactersThenInvalidClientTokenIdWithoutAskingTheResolver() {
        String header = authorization(signedPost()).replace("Credential=" + ACCESS_KEY_ID, "Credential=AKIA%00");

        assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenSessionTokenIsAlteredThenResolverSeesItAndRequestIsRejected() {
        SignedRequest request = withHeader(sign(post(FORM_BODY), FORM_BODY, session(), SIGNED_AT),
                "X-Amz-Security-Token", SESSION_TOKEN + "x");

        assertRejected(verify(request), SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        assertThat(resolver.calls).containsExactly(
                new RecordingResolver.Call(SESSION_ACCESS_KEY_ID, SESSION_TOKEN + "x"));
    }

    @Test
    void whenSessionTokenIsMissingThenResolverGetsNullAndRequestIsRejected() {
        SignedRequest signed = sign(post(FORM_BODY), FORM_BODY, session(), SIGNED_AT);
        String header = authorization(signed).replace(";x-amz-security-token", "");
        SignedRequest request = withHeader(withoutHeader(signed, "X-Amz-Security-Token"), "Authorization", header);

        assertRejected(verify(request), SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        assertThat(resolver.calls).containsExactly(new RecordingResolver.Call(SESSION_ACCESS_KEY_ID, null));
    }

    @Test
    void whenResolverSaysTokenExpiredThenExpiredToken() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY, session(), SIGNED_AT);

        SigV4Result<String> result = verifierAt(SIGNED_AT).verify(request,
                (id, token) -> Resolution.unresolved(SigV4Failure.EXPIRED_TOKEN));

        String message = assertRejected(result, SigV4Failure.EXPIRED_TOKEN);
        assertThat(message).isEqualTo("The security token included in the request is expired");
        assertThat(SigV4Failure.EXPIRED_TOKEN.httpStatus()).isEqualTo(403);
        assertThat(SigV4Failure.EXPIRED_TOKEN.code()).isEqualTo("ExpiredToken");
    }

    // ---------------------------------------------------------------- signature

    @Test
    void whenSecretIsWrongThenSignatureDoesNotMatch() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY,
                AwsCredentialsIdentity.create(ACCESS_KEY_ID, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEYXX"), SIGNED_AT);

        String message = assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).isEqualTo("The request signature we calculated does not match the signature you provided."
                + " Check your AWS Secret Access Key and signing method. Consult the service documentation for"
                + " details.");
    }

    @Test
    void whenBodyIsChangedThenSignatureDoesNotMatch() {
        SignedRequest request = withBody(signedPost(), FORM_BODY.replace("GetCallerIdentity", "GetSessionToken"));

        assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenSignedHeaderIsChangedThenSignatureDoesNotMatch() {
        SignedRequest request = withHeader(signedPost(), "Content-Type", "application/json");

        assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenHostIsChangedThenSignatureDoesNotMatch() {
        SignedRequest request = withHeader(signedPost(), "Host", "other.example");

        assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenHeaderNamedInSignedHeadersIsMissingThenSignatureDoesNotMatch() {
        SignedRequest request = withoutHeader(signedPost(), "Content-Type");

        assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenQueryIsAddedToAPostThenSignatureDoesNotMatch() {
        SignedRequest request = TestSignedRequests.withQuery(signedPost(), "Action=AssumeRole");

        assertRejected(verify(request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenPathIsChangedThenSignatureDoesNotMatch() {
        assertRejected(verify(TestSignedRequests.withPath(signedPost(), "/other")),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenMethodIsChangedThenSignatureDoesNotMatch() {
        SignedRequest signed = signedPost();

        assertRejected(verify(new SignedRequest("PUT", "/", null, signed.headers(), signed.body())),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenSignatureIsNotHexThenSignatureDoesNotMatch() {
        String header = authorization(signedPost()).replaceFirst("Signature=[0-9a-f]{64}", "Signature=zz" + "0".repeat(62));

        assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenSignatureIsTruncatedThenSignatureDoesNotMatch() {
        String header = authorization(signedPost()).replaceFirst("(Signature=[0-9a-f]{62})[0-9a-f]{2}", "$1");

        assertRejected(verify(withHeader(signedPost(), "Authorization", header)),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenSignatureIsUpperCaseHexThenVerified() {
        String header = authorization(signedPost());
        String signature = header.substring(header.indexOf("Signature=") + 10);
        String upper = header.replace(signature, signature.toUpperCase(java.util.Locale.ROOT));

        assertVerified(verify(withHeader(signedPost(), "Authorization", upper)));
    }

    @Test
    void whenFailuresAreListedThenCodesAndStatusesAreAwsOnes() {
        assertThat(SigV4Failure.MISSING_AUTHENTICATION_TOKEN.code()).isEqualTo("MissingAuthenticationToken");
        assertThat(SigV4Failure.MISSING_AUTHENTICATION_TOKEN.httpStatus()).isEqualTo(403);
        assertThat(SigV4Failure.INCOMPLETE_SIGNATURE.code()).isEqualTo("IncompleteSignature");
        assertThat(SigV4Failure.INCOMPLETE_SIGNATURE.httpStatus()).isEqualTo(400);
        assertThat(SigV4Failure.INVALID_CLIENT_TOKEN_ID.code()).isEqualTo("InvalidClientTokenId");
        assertThat(SigV4Failure.INVALID_CLIENT_TOKEN_ID.httpStatus()).isEqualTo(403);
        assertThat(SigV4Failure.SIGNATURE_DOES_NOT_MATCH.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(SigV4Failure.SIGNATURE_DOES_NOT_MATCH.httpStatus()).isEqualTo(403);
        assertThat(SigV4Failure.REQUEST_EXPIRED.code()).isEqualTo("RequestExpired");
        assertThat(SigV4Failure.REQUEST_EXPIRED.httpStatus()).isEqualTo(400);
    }

    @Test
    void whenPrintedThenRequestAndResolutionHideSecrets() {
        SignedRequest request = sign(post(FORM_BODY), FORM_BODY, session(), SIGNED_AT);

        assertThat(request.toString()).doesNotContain(SESSION_TOKEN).doesNotContain("Signature=");
        assertThat(Resolution.resolved(TestSignedRequests.SECRET, "p").toString())
                .doesNotContain(TestSignedRequests.SECRET);
    }
}
