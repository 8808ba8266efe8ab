package io.stsgate.api.authz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Builds decision requests around S3 requests signed by the AWS SDK v2's own signer, as an S3 client signs them
 * (service s3, path encoded once and not normalised, X-Amz-Content-Sha256 signed).
 */
final class DecisionRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REGION = "us-east-1";
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private DecisionRequests() {
    }

    /** A received S3 request: what the service passes on. */
    record Received(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

        Received withPath(String path) {
            return new Received(method, URI.create("http://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())), headers, body);
        }

        Received withBody(byte[] other) {
            return new Received(method, uri, headers, other);
        }
    }

    /** Header-signed, with the body's SHA-256 (or {@code UNSIGNED-PAYLOAD}) in X-Amz-Content-Sha256. */
    static Received sign(SdkHttpMethod method, URI uri, byte[] body, AwsCredentialsIdentity identity, String service,
            boolean signPayload) {
        return sign(method, uri, body, identity, service, signPayload, Clock.systemUTC());
    }

    /** As above, signed at the time of {@code clock}. */
    static Received sign(SdkHttpMethod method, URI uri, byte[] body, AwsCredentialsIdentity identity, String service,
            boolean signPayload, Clock clock) {
        var request = SdkHttpRequest.builder().method(method).uri(uri).build();
        var signed = SIGNER.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload));
        return received(method, signed.request(), body);
    }

    /** A presigned GET URL, as {@code aws s3 presign} makes. */
    static Received presign(URI uri, AwsCredentialsIdentity identity) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        var signed = SIGNER.sign(r -> r.identity(identity).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5)));
        return received(SdkHttpMethod.GET, signed.request(), new byte[0]);
    }

    private static Received received(SdkHttpMethod method, SdkHttpRequest signed, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        headers.putIfAbsent("Host", List.of(signed.getUri().getRawAuthority()));
        return new Received(method.name(), signed.getUri(), headers, body);
    }

    /** The decision request for {@code received} and {@code questions} (action, resource pairs). */
    static ObjectNode decision(Received received, String service, String... actionsAndResources) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode request = root.putObject("request");
        request.put("method", received.method());
        request.put("path", received.uri().getRawPath());
        if (received.uri().getRawQuery() != null) {
            request.put("query", received.uri().getRawQuery());
        }
        ObjectNode headers = request.putObject("headers");
        received.headers().forEach((name, values) -> {
            ArrayNode list = headers.putArray(name);
            values.forEach(list::add);
        });
        if (received.body().length > 0) {
            request.put("body", java.util.Base64.getEncoder().encodeToString(received.body()));
        }
        root.put("service", service);
        root.put("region", REGION);
        root.put("sourceIp", "203.0.113.7");
        root.put("secureTransport", true);
        ArrayNode questions = root.putArray("questions");
        for (int i = 0; i < actionsAndResources.length; i += 2) {
            questions.addObject().put("action", actionsAndResources[i]).put("resource", actionsAndResources[i + 1]);
        }
        return root;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
