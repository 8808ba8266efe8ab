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
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.stsgate.crypto.AccessKeyIds;
import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.crypto.SecretKeyDerivation;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.crypto.UnsealResult;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * SigV4 verification of requests signed by the AWS SDK for Java v2. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec@bench -Dbench.args='SigV4Benchmark -f 1 -wi 2 -i 3'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SigV4Benchmark {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String BODY = "Action=AssumeRole&Version=2011-06-15"
            + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=bench";

    private SigV4Verifier verifier;
    private SignedRequest headerSigned;
    private SignedRequest sessionSigned;
    private SignedRequest presigned;
    private CredentialResolver<Object> fixedSecret;
    private CredentialResolver<Object> sealedSession;
    private TokenSealer sealer;
    private String sessionToken;
    private String sessionAccessKeyId;

    @Setup
    public void setUp() {
        verifier = new SigV4Verifier(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));

        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        headerSigned = sign(AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", secret), false);
        presigned = sign(AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", secret), true);
        fixedSecret = (id, token) -> Resolution.<Object>resolved(secret, "user/alice");

        // Temporary credentials as the engine will mint them: sealed context, derived secret.
        Keyring keyring = Keyring.of(new KeyringKey("k1", new byte[32]));
        sealer = new TokenSealer(keyring, KeyPurpose.SESSION_TOKEN);
        SecretKeyDerivation derivation = new SecretKeyDerivation();
        sessionAccessKeyId = new AccessKeyIds().newTemporary();
        byte[] context = ("{\"acct\":\"123456789012\",\"role\":\"arn:aws:iam::123456789012:role/demo\","
                + "\"session\":\"alice\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + (NOW.getEpochSecond() + 3600) + "}").getBytes(StandardCharsets.UTF_8);
        sessionToken = sealer.seal(context, sessionAccessKeyId);
        String sessionSecret = derivation.derive(keyring.primary(), sessionAccessKeyId, NOW);
        sessionSigned = sign(AwsSessionCredentialsIdentity.create(sessionAccessKeyId, sessionSecret, sessionToken),
                false);
        sealedSession = (id, token) -> {
            if (token == null) {
                return Resolution.unresolved(SigV4Failure.INVALID_CLIENT_TOKEN_ID);
            }
            UnsealResult result = sealer.unseal(token, id);
            if (!(result instanceof UnsealResult.Opened opened)) {
                return Resolution.unresolved(SigV4Failure.INVALID_CLIENT_TOKEN_ID);
            }
            // A real resolver parses the context for the issue time and expiry; NOW stands in for it here.
            return Resolution.<Object>resolved(derivation.derive(opened.key(), id, NOW), opened.plaintext().length);
        };
        requireVerified(verifier.verify(headerSigned, fixedSecret));
        requireVerified(verifier.verify(presigned, fixedSecret));
        requireVerified(verifier.verify(sessionSigned, sealedSession));
    }

    /** Header-signed POST, resolver returns a fixed secret (the signing key comes from the cache). */
    @Benchmark
    public SigV4Result<Object> verifyHeaderSignedFixedSecret() {
        return verifier.verify(headerSigned, fixedSecret);
    }

    /** Presigned GET, resolver returns a fixed secret. */
    @Benchmark
    public SigV4Result<Object> verifyPresignedFixedSecret() {
        return verifier.verify(presigned, fixedSecret);
    }

    /** Header-signed POST with temporary credentials: unseal the session token, derive the secret, verify. */
    @Benchmark
    public SigV4Result<Object> verifyHeaderSignedSealedSessionToken() {
        return verifier.verify(sessionSigned, sealedSession);
    }

    /** The session-token unseal alone (AES-256-GCM, one Cipher per thread). */
    @Benchmark
    public UnsealResult unsealSessionToken() {
        return sealer.unseal(sessionToken, sessionAccessKeyId);
    }

    private static void requireVerified(SigV4Result<Object> result) {
        if (!(result instanceof SigV4Result.Verified)) {
            throw new IllegalStateException("Benchmark request does not verify: " + result);
        }
    }

    private static SignedRequest sign(AwsCredentialsIdentity identity, boolean presign) {
        byte[] body = presign ? new byte[0] : BODY.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder()
                .protocol("https")
                .host("sts.stsgate.example")
                .encodedPath("/");
        if (presign) {
            builder.method(SdkHttpMethod.GET)
                    .putRawQueryParameter("Action", "GetCallerIdentity")
                    .putRawQueryParameter("Version", "2011-06-15");
        } else {
            builder.method(SdkHttpMethod.POST)
                    .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .putHeader("Content-Length", Integer.toString(body.length))
                    .putHeader("User-Agent", "aws-sdk-java/2.31.50 md/io#sync md/http#Apache ua/2.1 api/STS#2.31.x");
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity)
                    .request(builder.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
            if (presign) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(15));
            }
        }).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
        headers.putIfAbsent("Host", List.of(signed.host()));
        return new SignedRequest(signed.method().name(), signed.encodedPath(), signed.getUri().getRawQuery(), headers,
                body);
    }
}
