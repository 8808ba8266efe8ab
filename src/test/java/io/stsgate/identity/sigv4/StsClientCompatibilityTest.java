package io.stsgate.identity.sigv4;

import static io.stsgate.identity.sigv4.SigV4Assertions.assertRejected;
import static io.stsgate.identity.sigv4.SigV4Assertions.assertVerified;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The unmodified STS client of the AWS SDK for Java v2, talking to an in-memory HTTP client that hands each request
 * to the verifier exactly as a server would receive it.
 */
class StsClientCompatibilityTest {

    private static final String RESPONSE = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/alice</Arn>
                <UserId>AIDAEXAMPLEEXAMPLE01</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """;

    private final SigV4Verifier verifier = new SigV4Verifier(Clock.systemUTC(), Duration.ofMinutes(15));
    private final RecordingResolver resolver = new RecordingResolver();

    @Test
    void whenStsClientCallsGetCallerIdentityWithLongTermKeyThenVerified() {
        SignedRequest received = call(AwsBasicCredentials.create(TestSignedRequests.ACCESS_KEY_ID,
                TestSignedRequests.SECRET));

        assertThat(new String(received.body(), StandardCharsets.UTF_8)).contains("Action=GetCallerIdentity");
        SigV4Result.Verified<String> verified = assertVerified(verifier.verify(received, resolver));
        assertThat(verified.region()).isEqualTo("eu-west-1");
        assertThat(verified.principal()).isEqualTo("user/alice");
    }

    @Test
    void whenStsClientCallsGetCallerIdentityWithSessionCredentialsThenVerified() {
        SignedRequest received = call(AwsSessionCredentials.create(TestSignedRequests.SESSION_ACCESS_KEY_ID,
                TestSignedRequests.SESSION_SECRET, TestSignedRequests.SESSION_TOKEN));

        assertVerified(verifier.verify(received, resolver));
        assertThat(resolver.calls).containsExactly(new RecordingResolver.Call(
                TestSignedRequests.SESSION_ACCESS_KEY_ID, TestSignedRequests.SESSION_TOKEN));
    }

    @Test
    void whenStsClientUsesTheWrongSecretThenSignatureDoesNotMatch() {
        SignedRequest received = call(AwsBasicCredentials.create(TestSignedRequests.ACCESS_KEY_ID,
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEYXX"));

        assertRejected(verifier.verify(received, resolver), SigV4Failure.SIGNATURE_DOES_NOT_MATCH);
    }

    private static SignedRequest call(AwsCredentials credentials) {
        CapturingHttpClient http = new CapturingHttpClient(RESPONSE);
        try (StsClient sts = StsClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("https://" + TestSignedRequests.HOST))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(http)
                .build()) {
            GetCallerIdentityResponse response = sts.getCallerIdentity();
            assertThat(response.account()).isEqualTo("123456789012");
        }
        assertThat(http.received).hasSize(1);
        return http.received.get(0);
    }

    /** Answers every request with a canned body and keeps what it received, as a server would see it. */
    private static final class CapturingHttpClient implements SdkHttpClient {

        final List<SignedRequest> received = new ArrayList<>();
        private final String response;

        CapturingHttpClient(String response) {
            this.response = response;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    byte[] body = new byte[0];
                    if (request.contentStreamProvider().isPresent()) {
                        try (InputStream in = request.contentStreamProvider().get().newStream()) {
                            body = in.readAllBytes();
                        }
                    }
                    received.add(asServerSeesIt(request.httpRequest(), body));
                    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "text/xml")
                                    .putHeader("Content-Length", Integer.toString(bytes.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {
                    throw new UncheckedIOException(new IOException("not supported"));
                }
            };
        }

        private static SignedRequest asServerSeesIt(SdkHttpRequest request, byte[] body) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
            if (request.firstMatchingHeader("Host").isEmpty()) {
                headers.put("Host", List.of(request.host()));
            }
            return new SignedRequest(request.method().name(), request.encodedPath(), request.getUri().getRawQuery(),
                    headers, body);
        }

        @Override
        public void close() {
        }
    }
}
