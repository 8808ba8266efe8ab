package io.stsgate.identity.saml;

import io.stsgate.bench.ProductionLogLevel;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.PolicyParser;
import io.stsgate.policy.RequestContext;
import io.stsgate.policy.RequestPrincipal;

/**
 * The AssumeRoleWithSAML hot path before minting: validate a signed (RSA-2048, RSA-SHA256) Keycloak-like Response
 * with every check on, replay cache included, then read the Role attribute and evaluate a trust policy on
 * {@code saml:aud}, {@code saml:sub_type} and an attribute. Target: 3,000/s per core.
 * <p>
 * Every invocation takes a Response with fresh Response and Assertion ids from a pool: a replayed id would be refused
 * (and a refusal is not what we measure). The pool is topped up before each iteration, outside the measured time, to
 * three times the most an earlier iteration consumed (warm-up speeds it up); an iteration that would run it dry fails instead of reusing
 * ids. {@code baselineRsaVerify} is the bare JCA RSA-2048 SHA256withRSA check of a SignedInfo-sized input, so the
 * figures read as ratios. Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:exec@bench -DskipKeycloak=true -Dbench.args='SamlBenchmark -f 1'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx4g" })
@Threads(1)
public class SamlBenchmark {

    private static final Instant NOW = TestSamlResponses.NOW;
    private static final String ROLE = "arn:aws:iam::222222222222:role/saml-readonly";
    private static final String TRUST_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "CorporateSso",
                "Effect": "Allow",
                "Principal": {"Federated": "%1$s"},
                "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"],
                "Condition": {
                  "StringEquals": {"SAML:aud": "%2$s", "SAML:sub_type": "persistent"},
                  "ForAnyValue:StringEquals": {"SAML:https://aws.amazon.com/SAML/Attributes/PrincipalTag:department": ["engineering", "sre"]}
                }
              }]
            }
            """.formatted(TestSamlResponses.PROVIDER_ARN, TestSamlResponses.ACS);
    /** Responses for the first warm-up iteration; later ones are sized from what was consumed. */
    private static final int INITIAL_POOL = Integer.getInteger("saml.bench.pool", 20_000);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private SamlAssertionValidator validator;
    private SamlProviderSettings provider;
    private NamedPolicy trust;
    private RequestPrincipal principal;
    private byte[] signedInfo;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ProductionLogLevel.apply();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        validator = new SamlAssertionValidator(TestSamlResponses.serviceProvider(), clock, Duration.ofSeconds(60),
                new InMemoryAssertionReplayCache(clock));
        provider = TestSamlResponses.provider();
        trust = new NamedPolicy("trust policy of " + ROLE, PolicyParser.parseTrustPolicy(TRUST_POLICY));
        principal = new RequestPrincipal(RequestPrincipal.FEDERATED, TestSamlResponses.PROVIDER_ARN, null, List.of());

        // A SignedInfo of the size the fixture produces (one Reference, exclusive c14n, SHA-256 digest).
        signedInfo = ("<ds:SignedInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:CanonicalizationMethod "
                + "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></ds:CanonicalizationMethod>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\">"
                + "</ds:SignatureMethod><ds:Reference URI=\"#_a0f1e2d3-c4b5-a697-8879-6a5b4c3d2e1f\"><ds:Transforms>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"></ds:Transform>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></ds:Transform></ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"></ds:DigestMethod>"
                + "<ds:DigestValue>3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</ds:DigestValue></ds:Reference>"
                + "</ds:SignedInfo>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(TestSamlKeys.IDP.keyPair().getPrivate());
        signer.update(signedInfo);
        signature = signer.sign();

        Responses one = new Responses();
        one.topUp(1);
        if (!validateAndEvaluateTrust(one).allowed() || !baselineRsaVerify()) {
            throw new IllegalStateException("the benchmark response does not validate and pass the trust policy");
        }
    }

    /** Signed Responses with fresh ids, one per invocation; only the SAML benchmark pays for building them. */
    @State(Scope.Benchmark)
    public static class Responses {
        private final ArrayDeque<String> pool = new ArrayDeque<>();
        private int poolAtIterationStart;
        private int mostConsumed;

        /** Outside the measured time: enough fresh responses for the coming iteration. */
        @Setup(Level.Iteration)
        public void refill() {
            mostConsumed = Math.max(mostConsumed, poolAtIterationStart - pool.size());
            topUp(mostConsumed == 0 ? INITIAL_POOL : mostConsumed * 3);
            poolAtIterationStart = pool.size();
        }

        String next() {
            String response = pool.poll();
            if (response == null) {
                throw new IllegalStateException("the pool of fresh responses ran dry; raise -Dsaml.bench.pool");
            }
            return response;
        }

        /** Signs in parallel: RSA signing is ten times slower than verifying, and this is set-up time. */
        void topUp(int size) {
            int missing = size - pool.size();
            if (missing > 0) {
                pool.addAll(IntStream.range(0, missing).parallel()
                        .mapToObj(i -> TestSamlResponses.response().signAssertion().base64()).toList());
            }
        }
    }

    /** Validation (every check, replay cache included), the Role attribute, then the trust policy. */
    @Benchmark
    public Decision validateAndEvaluateTrust(Responses responses) {
        String response = responses.next();
        SamlValidation validation = validator.validate(response, provider);
        if (!(validation instanceof SamlValidation.Valid valid)) {
            throw new IllegalStateException("refused: " + validation);
        }
        VerifiedAssertion assertion = valid.assertion();
        if (!assertion.attribute(TestSamlResponses.ROLE_ATTR).contains(TestSamlResponses.ROLE_VALUE)) {
            throw new IllegalStateException("the Role attribute does not grant the role");
        }
        RequestContext.Builder context = RequestContext.builder();
        assertion.attributes().forEach((name, values) -> context.putAll("saml:" + name, values));
        context.put("saml:aud", assertion.recipient())
                .put("saml:iss", assertion.issuer())
                .put("saml:sub", assertion.nameId())
                .put("saml:sub_type", "persistent");
        return evaluator.evaluateTrust(trust,
                new AuthorizationRequest(principal, "sts:AssumeRoleWithSAML", ROLE, context.build()));
    }

    /** Calibration: the JCA RSA-2048 SHA256withRSA check of a SignedInfo and nothing else. */
    @Benchmark
    public boolean baselineRsaVerify() throws Exception {
        Signature engine = Signature.getInstance("SHA256withRSA");
        engine.initVerify(TestSamlKeys.IDP.certificate().getPublicKey());
        engine.update(signedInfo);
        return engine.verify(signature);
    }
}
