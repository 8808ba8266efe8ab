package io.stsgate.testsupport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs raw Query requests with the AWS SDK's own SigV4 signer, so protocol tests send exactly what SDKs send and can
 * then break one thing at a time.
 */
public final class TestSigner {

    public static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private TestSigner() {
    }

    public static AwsCredentialsIdentity longTerm(String accessKeyId, String secret) {
        return AwsCredentialsIdentity.create(accessKeyId, secret);
    }

    public static AwsCredentialsIdentity session(String accessKeyId, String secret, String token) {
        return AwsSessionCredentialsIdentity.create(accessKeyId, secret, token);
    }

    /** Headers (without Host, which the HTTP client sets from the same URI) for a signed POST of {@code body}. */
    public static Map<String, String> signPost(URI endpoint, String body, AwsCredentialsIdentity identity) {
        return signPost(endpoint, body, identity, Clock.systemUTC());
    }

    /** As {@link #signPost(URI, String, AwsCredentialsIdentity)}, signed at the time of {@code clock}. */
    public static Map<String, String> signPost(URI endpoint, String body, AwsCredentialsIdentity identity,
            Clock clock) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", FORM).build();
        var signed = SIGNER.sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return headers(signed.request());
    }

    /** Headers for a header-signed GET of {@code endpoint} (its query string is part of the signature). */
    public static Map<String, String> signGet(URI endpoint, AwsCredentialsIdentity identity) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(endpoint).build();
        var signed = SIGNER.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        return headers(signed.request());
    }

    /**
     * Headers (Host included) for a header-signed S3 GET of {@code uri}, as S3 clients sign it: service {@code s3},
     * the empty body's SHA-256 in X-Amz-Content-Sha256, the path encoded once and not normalised.
     */
    public static Map<String, String> signS3Get(URI uri, AwsCredentialsIdentity identity) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        var signed = SIGNER.sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        var headers = new LinkedHashMap<String, String>();
        signed.request().forEachHeader((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    /** A presigned GET URL (signature in the query string), valid for {@code expires}. */
    public static URI presignGet(URI endpoint, AwsCredentialsIdentity identity, Duration expires, Clock clock) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(endpoint).build();
        var signed = SIGNER.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().getUri();
    }

    private static Map<String, String> headers(SdkHttpRequest request) {
        var headers = new LinkedHashMap<String, String>();
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }
}
