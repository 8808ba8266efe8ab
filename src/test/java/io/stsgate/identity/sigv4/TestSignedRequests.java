package io.stsgate.identity.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests signed by the AWS SDK for Java v2's own SigV4 signer, turned into {@link SignedRequest}s. */
final class TestSignedRequests {

    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_ACCESS_KEY_ID = "ASIAJBSWY3DPEHPK3PXP";
    static final String SESSION_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    static final String SESSION_TOKEN = "AQoDYXdzEJr//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZye/qwjzP2"
            + "+3PbQYbH+bGFQ3N3xFqCVaj9+example==";
    static final Instant SIGNED_AT = Instant.parse("2024-01-01T00:00:00Z");
    static final String HOST = "sts.stsgate.example";
    static final String REGION = "us-east-1";
    static final String FORM_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

    private TestSignedRequests() {
    }

    static AwsCredentialsIdentity longTerm() {
        return AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET);
    }

    static AwsCredentialsIdentity session() {
        return AwsSessionCredentialsIdentity.create(SESSION_ACCESS_KEY_ID, SESSION_SECRET, SESSION_TOKEN);
    }

    /** A POST of {@code body} as a form, as the STS client sends it. */
    static SdkHttpFullRequest post(String body) {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("https")
                .host(HOST)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length))
                .build();
    }

    /** A GET with the action in the query string. */
    static SdkHttpFullRequest get() {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(HOST)
                .encodedPath("/")
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .build();
    }

    /** Signs in the Authorization-header form. */
    static SignedRequest sign(SdkHttpFullRequest request, String body, AwsCredentialsIdentity identity,
            Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        return toSignedRequest(signed, bytes);
    }

    /** Presigns (query-string form) a body-less request. */
    static SignedRequest presign(SdkHttpFullRequest request, AwsCredentialsIdentity identity, Instant at,
            Duration expires) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        return toSignedRequest(signed, new byte[0]);
    }

    /** Signs in the header form for another service or region. */
    static SignedRequest sign(SdkHttpFullRequest request, String body, AwsCredentialsIdentity identity, Instant at,
            String service, String region) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        return toSignedRequest(signed, bytes);
    }

    /** {@code request} with header {@code name} (any case) replaced by {@code values}. */
    static SignedRequest withHeader(SignedRequest request, String name, String... values) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        headers.put(name, List.of(values));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    /** {@code request} without header {@code name} (any case). */
    static SignedRequest withoutHeader(SignedRequest request, String name) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    static SignedRequest withBody(SignedRequest request, String body) {
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static SignedRequest withQuery(SignedRequest request, String rawQuery) {
        return new SignedRequest(request.method(), request.rawPath(), rawQuery, request.headers(), request.body());
    }

    static SignedRequest withPath(SignedRequest request, String rawPath) {
        return new SignedRequest(request.method(), rawPath, request.rawQuery(), request.headers(), request.body());
    }

    /** The Authorization header value of a header-signed request. */
    static String authorization(SignedRequest request) {
        return request.headerValues("Authorization").get(0);
    }

    /** What an HTTP server would hand the verifier: the raw path and query, the headers (with Host), the body. */
    static SignedRequest toSignedRequest(SdkHttpRequest signed, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
        if (signed.firstMatchingHeader("Host").isEmpty()) {
            headers.put("Host", List.of(signed.host()));
        }
        return new SignedRequest(signed.method().name(), signed.encodedPath(), signed.getUri().getRawQuery(),
                headers, body);
    }
}
