package io.stsgate.identity.sigv4;

import static io.stsgate.identity.sigv4.SigV4Assertions.assertRejected;
import static io.stsgate.identity.sigv4.SigV4Assertions.assertVerified;
import static io.stsgate.identity.sigv4.TestSignedRequests.ACCESS_KEY_ID;
import static io.stsgate.identity.sigv4.TestSignedRequests.SESSION_ACCESS_KEY_ID;
import static io.stsgate.identity.sigv4.TestSignedRequests.SESSION_TOKEN;
import static io.stsgate.identity.sigv4.TestSignedRequests.SIGNED_AT;
import static io.stsgate.identity.sigv4.TestSignedRequests.longTerm;
import static io.stsgate.identity.sigv4.TestSignedRequests.presign;
import static io.stsgate.identity.sigv4.TestSignedRequests.session;
import static io.stsgate.identity.sigv4.TestSignedRequests.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The presigned (query-string) form, signed by the AWS SDK for Java v2 signer. */
class PresignedSigV4Test {

    private static final Duration EXPIRES = Duration.ofMinutes(60);

    private final RecordingResolver resolver = new RecordingResolver();

    private SigV4Result<String> verifyAt(Instant now, SignedRequest request) {
        return new SigV4Verifier(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15)).verify(request, resolver);
    }

    private static SignedRequest presigned() {
        return presign(TestSignedRequests.get(), longTerm(), SIGNED_AT, EXPIRES);
    }

    private static SignedRequest replaceInQuery(SignedRequest request, String from, String to) {
        assertThat(request.rawQuery()).contains(from);
        return withQuery(request, request.rawQuery().replace(from, to));
    }

    @Test
    void whenPresignedGetThenVerified() {
        SigV4Result.Verified<String> verified = assertVerified(verifyAt(SIGNED_AT, presigned()));

        assertThat(verified.accessKeyId()).isEqualTo(ACCESS_KEY_ID);
        assertThat(verified.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(resolver.calls).containsExactly(new RecordingResolver.Call(ACCESS_KEY_ID, null));
    }

    @Test
    void whenPresignedWithSessionCredentialsThenTokenFromQueryPassedToResolver() {
        SignedRequest request = presign(TestSignedRequests.get(), session(), SIGNED_AT, EXPIRES);

        assertVerified(verifyAt(SIGNED_AT, request));
        assertThat(resolver.calls).containsExactly(new RecordingResolver.Call(SESSION_ACCESS_KEY_ID, SESSION_TOKEN));
    }

    @Test
    void whenUsedOneSecondBeforeExpiryThenVerified() {
        assertVerified(verifyAt(SIGNED_AT.plus(EXPIRES).minusSeconds(1), presigned()));
    }

    @Test
    void whenUsedExactlyAtExpiryThenVerified() {
        assertVerified(verifyAt(SIGNED_AT.plus(EXPIRES), presigned()));
    }

    @Test
    void whenUsedOneSecondAfterExpiryThenRequestExpired() {
        String message = assertRejected(verifyAt(SIGNED_AT.plus(EXPIRES).plusSeconds(1), presigned()),
                SigV4Failure.REQUEST_EXPIRED);

        assertThat(message).isEqualTo("Request has expired");
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void whenUsedLongAfterSigningButWithinExpiresThenVerified() {
        SignedRequest request = presign(TestSignedRequests.get(), longTerm(), SIGNED_AT, Duration.ofDays(7));

        assertVerified(verifyAt(SIGNED_AT.plus(Duration.ofDays(7)), request));
    }

    @Test
    void whenDateIsMoreThan15MinutesInTheFutureThenSignatureNotYetCurrent() {
        Instant now = SIGNED_AT.minus(Duration.ofMinutes(15)).minusSeconds(1);

        String message = assertRejected(verifyAt(now, presigned()), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).startsWith("Signature not yet current: 20240101T000000Z");
    }

    @Test
    void whenDateIs15MinutesInTheFutureThenVerified() {
        assertVerified(verifyAt(SIGNED_AT.minus(Duration.ofMinutes(15)), presigned()));
    }

    @Test
    void whenCredentialParameterIsMissingThenIncompleteSignatureNamesIt() {
        SignedRequest request = withQuery(presigned(),
                presigned().rawQuery().replaceFirst("&X-Amz-Credential=[^&]*", ""));

        String message = assertRejected(verifyAt(SIGNED_AT, request), SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).isEqualTo("AWS query-string parameters must include 'X-Amz-Credential'."
                + " Re-examine the query-string parameters.");
    }

    @Test
    void whenSeveralParametersAreMissingThenIncompleteSignatureNamesEach() {
        SignedRequest request = withQuery(presigned(), "Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256");

        String message = assertRejected(verifyAt(SIGNED_AT, request), SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).contains("'X-Amz-Credential'", "'X-Amz-Signature'", "'X-Amz-SignedHeaders'",
                "'X-Amz-Date'", "'X-Amz-Expires'");
    }

    @Test
    void whenAlgorithmIsUnsupportedThenIncompleteSignature() {
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "X-Amz-Algorithm=AWS4-HMAC-SHA256",
                "X-Amz-Algorithm=AWS4-HMAC-SHA512")), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenExpiresIsZeroThenIncompleteSignature() {
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "X-Amz-Expires=3600", "X-Amz-Expires=0")),
                SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenExpiresIsMoreThanAWeekThenIncompleteSignature() {
        String message = assertRejected(verifyAt(SIGNED_AT,
                replaceInQuery(presigned(), "X-Amz-Expires=3600", "X-Amz-Expires=604801")),
                SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(message).contains("604800");
    }

    @Test
    void whenExpiresIsNotANumberThenIncompleteSignature() {
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "X-Amz-Expires=3600", "X-Amz-Expires=1h")),
                SigV4Failure.INCOMPLETE_SIGNATURE);
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "X-Amz-Expires=3600", "X-Amz-Expires=-5")),
                SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenAParameterIsRepeatedThenIncompleteSignature() {
        SignedRequest request = withQuery(presigned(), presigned().rawQuery() + "&X-Amz-Date=20240101T000000Z");

        assertRejected(verifyAt(SIGNED_AT, request), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenAuthorizationHeaderIsAlsoPresentThenIncompleteSignature() {
        SignedRequest request = TestSignedRequests.withHeader(presigned(), "Authorization",
                "AWS4-HMAC-SHA256 Credential=x");

        assertRejected(verifyAt(SIGNED_AT, request), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenHostIsNotSignedThenIncompleteSignature() {
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "X-Amz-SignedHeaders=host",
                "X-Amz-SignedHeaders=x-amz-date")), SigV4Failure.INCOMPLETE_SIGNATURE);
    }

    @Test
    void whenScopeServiceIsWrongThenSignatureDoesNotMatch() {
        String message = assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "%2Fsts%2F", "%2Fs3%2F")),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).isEqualTo("Credential should be scoped to correct service: 'sts'. ");
    }

    @Test
    void whenAnActionParameterIsChangedThenSignatureDoesNotMatch() {
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "Action=GetCallerIdentity",
                "Action=AssumeRole")), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenAParameterIsAddedThenSignatureDoesNotMatch() {
        SignedRequest request = withQuery(presigned(), presigned().rawQuery() + "&RoleArn=arn");

        assertRejected(verifyAt(SIGNED_AT, request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenExpiresIsExtendedThenSignatureDoesNotMatch() {
        assertRejected(verifyAt(SIGNED_AT, replaceInQuery(presigned(), "X-Amz-Expires=3600",
                "X-Amz-Expires=7200")), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenSignatureIsAlteredThenSignatureDoesNotMatch() {
        String query = presigned().rawQuery();
        int at = query.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = query.charAt(at) == '0' ? '1' : '0';

        assertRejected(verifyAt(SIGNED_AT, withQuery(presigned(), query.substring(0, at) + flipped
                + query.substring(at + 1))), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenRequestCarriesABodyThenSignatureDoesNotMatch() {
        SignedRequest request = TestSignedRequests.withBody(presigned(),
                "Action=AssumeRole&RoleArn=arn:aws:iam::123456789012:role/admin");

        assertRejected(verifyAt(SIGNED_AT, request), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void whenSessionTokenIsAlteredThenResolverSeesItAndRequestIsRejected() {
        SignedRequest request = presign(TestSignedRequests.get(), session(), SIGNED_AT, EXPIRES);
        SignedRequest altered = replaceInQuery(request, "X-Amz-Security-Token=AQoD", "X-Amz-Security-Token=BQoD");

        assertRejected(verifyAt(SIGNED_AT, altered), SigV4Failure.INVALID_CLIENT_TOKEN_ID);
        assertThat(resolver.calls).containsExactly(
                new RecordingResolver.Call(SESSION_ACCESS_KEY_ID, "BQoD" + SESSION_TOKEN.substring(4)));
    }

    @Test
    void whenResolverSaysTokenExpiredThenExpiredToken() {
        SignedRequest request = presign(TestSignedRequests.get(), session(), SIGNED_AT, EXPIRES);

        SigV4Result<String> result = new SigV4Verifier(Clock.fixed(SIGNED_AT, ZoneOffset.UTC), Duration.ofMinutes(15))
                .verify(request, (id, token) -> Resolution.unresolved(SigV4Failure.EXPIRED_TOKEN));

        assertRejected(result, SigV4Failure.EXPIRED_TOKEN);
    }
}
