package io.stsgate.access;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import io.stsgate.access.mapping.HttpCall;
import io.stsgate.access.mapping.Mapping;
import io.stsgate.access.mapping.S3RestMapping;
import io.stsgate.audit.AuditDraft;
import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.crypto.SecretKeyDerivation;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.directory.InMemoryMfaUsage;
import io.stsgate.directory.MfaDeviceLock;
import io.stsgate.directory.MfaFailures;
import io.stsgate.directory.MfaLockout;
import io.stsgate.directory.RevocationList;
import io.stsgate.engine.AccessEvaluator;
import io.stsgate.engine.AccessQuestion;
import io.stsgate.engine.AssumeRoleCommand;
import io.stsgate.engine.AuthorizationMessages;
import io.stsgate.engine.Caller;
import io.stsgate.engine.CallerLookup;
import io.stsgate.engine.CredentialMint;
import io.stsgate.engine.CredentialVerifier;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.RevocationCheck;
import io.stsgate.engine.SessionChecks;
import io.stsgate.engine.SessionPrincipalCheck;
import io.stsgate.engine.SessionTag;
import io.stsgate.engine.StsEngine;
import io.stsgate.identity.sigv4.SigV4Verifier;
import io.stsgate.identity.sigv4.SignedRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.PolicyEvaluator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The decision path of the nginx face without HTTP: SigV4 verification of an S3 GET signed with temporary credentials,
 * the caller resolved from its sealed session token (unseal, derive the secret, revocation and principal checks), and
 * the evaluation of a role policy with a principal-tag variable; with and without the S3 mapping in front. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec@bench -Dbench.args='DecisionBenchmark -f 1 -wi 2 -i 3'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String DIRECTORY = """
            accounts:
              - id: "555555555555"
                users:
                  - name: operator
                    accessKeys: [{id: AKIABENCHOPERATOR001, secret: bench-operator-secret-000000000000000001}]
                    policies:
                      inline:
                        assume: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: ["sts:AssumeRole",
                          "sts:TagSession"], Resource: "*"}]}
                roles:
                  - name: team-member
                    trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "555555555555"},
                      Action: ["sts:AssumeRole", "sts:TagSession"]}]}
                    policies:
                      inline:
                        team: {Version: "2012-10-17", Statement: [
                          {Sid: DenyDeletes, Effect: Deny, Action: "s3:DeleteObject", Resource: "*"},
                          {Sid: TeamObjects, Effect: Allow, Action: ["s3:GetObject", "s3:PutObject"],
                           Resource: "arn:aws:s3:::team-${aws:PrincipalTag/department}/*"}]}
            """;

    private SigV4Verifier verifier;
    private SignedCallers callers;
    private AccessEvaluator evaluator;
    private S3RestMapping mapping;
    private SignedRequest signed;
    private HttpCall call;
    private AccessQuestion question;
    private RequestInfo info;
    private Caller caller;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DirectorySnapshot directory = DirectoryFileLoader.load("bench.yaml",
                new ByteArrayInputStream(DIRECTORY.getBytes(StandardCharsets.UTF_8)));
        Keyring keyring = Keyring.of(new KeyringKey("k1", new byte[32]));
        TokenSealer sealer = new TokenSealer(keyring, KeyPurpose.SESSION_TOKEN);
        var secrets = new SecretKeyDerivation();
        var policies = new PolicyEvaluator();
        var tokens = StsEngine.create(directory, policies, new InMemoryMfaUsage(), new NoMfaFailures(),
                new MfaLockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                new CredentialMint(keyring, sealer, secrets),
                new AuthorizationMessages(new TokenSealer(keyring, KeyPurpose.AUTHZ_MESSAGE), clock), clock)
                .roleAssumption();
        var operator = new Caller.UserCaller(directory.user("arn:aws:iam::555555555555:user/operator").orElseThrow(),
                directory.accessKey("AKIABENCHOPERATOR001").orElseThrow());
        var session = tokens.assumeRole(operator, new AssumeRoleCommand("arn:aws:iam::555555555555:role/team-member",
                "bench", 3600, null, List.of(), List.of(new SessionTag("department", "red")), List.of(), null, null,
                null, null), new RequestInfo("setup", null, null, true, "us-east-1"),
                new AuditDraft("setup", null, null)).credentials();

        verifier = new SigV4Verifier(clock, Duration.ofMinutes(15), "s3");
        callers = new SignedCallers(new CallerLookup(directory, new CredentialVerifier(keyring, sealer, secrets,
                clock)), new SessionChecks(new RevocationCheck(() -> RevocationList.EMPTY),
                        new SessionPrincipalCheck(directory)));
        evaluator = new AccessEvaluator(directory, policies, clock);
        mapping = new S3RestMapping(List.of(), bucket -> Optional.empty());
        signed = sign(AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken()), clock);
        call = new HttpCall("GET", "storage.example", signed.rawPath(), null, signed.headers());
        question = ((Mapping.Mapped) mapping.map(call)).questions().get(0);
        info = new RequestInfo("bench", "203.0.113.7", null, true, "us-east-1");
        caller = ((SignedCallers.Authentication.Authenticated) verifyResolve()).caller();
        if (!verifyResolveEvaluate().allowed() || !mapVerifyResolveEvaluate().allowed()) {
            throw new IllegalStateException("the benchmark request is not allowed");
        }
    }

    /** Verify the signature, resolve the caller from its session token, evaluate one question. */
    @Benchmark
    public Decision verifyResolveEvaluate() {
        var authenticated = (SignedCallers.Authentication.Authenticated) callers.authenticate(signed, verifier,
                "s3:GetObject");
        return evaluator.decide(authenticated.caller(), question, info);
    }

    /** Verification and caller resolution alone. */
    @Benchmark
    public SignedCallers.Authentication verifyResolve() {
        return callers.authenticate(signed, verifier, "s3:GetObject");
    }

    /** The evaluation alone, for a caller already resolved. */
    @Benchmark
    public Decision evaluate() {
        return evaluator.decide(caller, question, info);
    }

    /** As above with the S3 REST mapping in front: what the nginx face does per request, HTTP aside. */
    @Benchmark
    public Decision mapVerifyResolveEvaluate() {
        var mapped = (Mapping.Mapped) mapping.map(call);
        var authenticated = (SignedCallers.Authentication.Authenticated) callers.authenticate(signed, verifier,
                "s3:GetObject");
        return evaluator.decide(authenticated.caller(), mapped.questions().get(0), info);
    }

    private static SignedRequest sign(AwsSessionCredentialsIdentity identity, Clock clock) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().protocol("http").host("storage.example")
                .encodedPath("/team-red/reports/2026/q1.csv").method(SdkHttpMethod.GET)
                .putHeader("User-Agent", "aws-cli/2.9.19 Python/3.11.2").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
        headers.putIfAbsent("Host", List.of(signed.host()));
        return new SignedRequest("GET", signed.encodedPath(), null, headers, new byte[0],
                headers.get("x-amz-content-sha256").get(0));
    }

    /** The benchmark's session uses no MFA. */
    private static final class NoMfaFailures implements MfaFailures {
        @Override
        public Optional<Instant> admit(String serialNumber, Instant now, MfaLockout lockout) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> refused(String serialNumber, Instant now, MfaLockout lockout) {
            return Optional.empty();
        }

        @Override
        public void accepted(String serialNumber) {
        }

        @Override
        public MfaDeviceLock state(String serialNumber) {
            throw new UnsupportedOperationException("no MFA in the benchmark");
        }

        @Override
        public boolean clear(String serialNumber) {
            return false;
        }
    }
}
