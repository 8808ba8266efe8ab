package io.stsgate.identity.sigv4;

import static io.stsgate.identity.sigv4.SigV4Assertions.assertRejected;
import static io.stsgate.identity.sigv4.SigV4Assertions.assertVerified;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed as S3 clients sign them (service s3, path encoded once and not normalised, the payload line taken
 * from X-Amz-Content-Sha256), verified by a verifier for service s3. Without S3's path rules the dot segment would be
 * removed and the escapes encoded again, and the first test would fail.
 */
class S3SigV4Test {

    private static final Clock CLOCK = Clock.fixed(TestSignedRequests.SIGNED_AT, ZoneOffset.UTC);
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private static SignedRequest signS3(String rawPathAndQuery) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://bucket.s3.example" + rawPathAndQuery)).build();
        var signed = SIGNER.sign(r -> r.identity(AwsCredentialsIdentity.create(TestSignedRequests.ACCESS_KEY_ID,
                TestSignedRequests.SECRET)).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestSignedRequests.REGION)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, CLOCK)).request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        headers.put("Host", List.of(signed.host()));
        String payload = headers.get("x-amz-content-sha256").get(0);
        return new SignedRequest("GET", signed.encodedPath(), signed.encodedQueryParameters().orElse(null), headers,
                new byte[0], payload);
    }

    private static SigV4Verifier verifier(String service) {
        return new SigV4Verifier(CLOCK, Duration.ofMinutes(15), service);
    }

    @Test
    void anS3RequestWithAnEncodedKeyAndDotSegmentsVerifiesForS3() {
        SignedRequest request = signS3("/reports/./my%20file%2B1.csv?versionId=3");

        assertThat(request.payloadHash()).isEqualTo("UNSIGNED-PAYLOAD");
        var verified = assertVerified(verifier("s3").verify(request, new RecordingResolver()));
        assertThat(verified.principal()).isEqualTo("user/alice");
    }

    @Test
    void aRequestSignedForS3IsNotProofForSts() {
        String message = assertRejected(verifier("sts").verify(signS3("/reports/a.csv"), new RecordingResolver()),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);

        assertThat(message).contains("'sts'");
    }

    @Test
    void thePayloadLineIsPartOfTheSignature() {
        SignedRequest signed = signS3("/reports/a.csv");
        var claimedSigned = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(),
                signed.body(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        assertRejected(verifier("s3").verify(claimedSigned, new RecordingResolver()),
                SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }
}
