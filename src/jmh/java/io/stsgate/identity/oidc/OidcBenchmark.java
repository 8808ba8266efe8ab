package io.stsgate.identity.oidc;

import io.stsgate.bench.ProductionLogLevel;
import java.net.URI;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.stsgate.directory.OidcProvider;
import io.stsgate.engine.FederatedPrincipal;
import io.stsgate.federation.WebIdentityPrincipals;
import io.stsgate.identity.oidc.TestKeys.TestKey;
import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.PolicyParser;
import io.stsgate.policy.RequestContext;
import io.stsgate.policy.RequestPrincipal;
import io.stsgate.testsupport.TestJwts;

/**
 * The AssumeRoleWithWebIdentity hot path before minting: verify a Keycloak-style RS256 ID token with cached keys
 * (HttpJwksSource over a warm cache, so the Uni emits during subscription) and evaluate a three-condition trust
 * policy on its claims. Target: 20,000/s per core. {@code baselineRsaVerify} is the bare JCA RS256 check of the same
 * token, so the figures read as ratios. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec@bench -Dbench.args='OidcBenchmark -f 1 -wi 2 -i 3'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class OidcBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ISSUER = "https://sso.example.com/realms/corp";
    private static final String HOST_PATH = "sso.example.com/realms/corp";
    private static final String ARN = "arn:aws:iam::111122223333:oidc-provider/" + HOST_PATH;
    private static final String ROLE = "arn:aws:iam::111122223333:role/platform-deployer";
    private static final String CLIENT_ID = "stsgate-cli";

    private static final String TRUST_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "CorpSsoEngineers",
                "Effect": "Allow",
                "Principal": {"Federated": "%1$s"},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {
                  "StringEquals": {"%2$s:aud": "%3$s"},
                  "StringLike": {"%2$s:sub": "6c1f0c33-*"},
                  "ForAnyValue:StringEquals": {"%2$s:groups": ["/engineering/platform", "/sre"]}
                }
              }]
            }
            """.formatted(ARN, HOST_PATH, CLIENT_ID);

    private OidcIssuers issuers;
    private String token;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private NamedPolicy trust;
    private RequestPrincipal principal;
    private TestKey key;
    private OidcProvider provider;
    private byte[] signingInput;
    private byte[] signature;
    private TokenVerification last;

    @Setup
    public void setUp() throws Exception {
        ProductionLogLevel.apply();
        key = TestKeys.rsa2048("bench-key");
        Clock clock = Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC);
        MapJwksCache cache = new MapJwksCache();
        cache.put(ISSUER, new CachedJwks(JwkSet.parse(TestKeys.jwks(key, TestKeys.ec256("other-key"))),
                URI.create(ISSUER + "/protocol/openid-connect/certs"), clock.instant()));
        issuers = new OidcIssuers(List.of(OidcProviderSettings.of(ARN, ISSUER, Set.of(CLIENT_ID))),
                new HttpJwksSource(JwksPolicy.DEFAULTS, cache, clock), clock);
        token = TestJwts.idToken(ISSUER, CLIENT_ID, NOW).sign("RS256", key.kid(), key.privateKey());
        trust = new NamedPolicy("trust policy of " + ROLE, PolicyParser.parseTrustPolicy(TRUST_POLICY));
        principal = new RequestPrincipal(RequestPrincipal.FEDERATED, ARN, null, List.of());
        provider = new OidcProvider("111122223333", ISSUER, List.of(CLIENT_ID), OidcProvider.DEFAULT_ALGORITHMS,
                OidcProvider.DEFAULT_CLOCK_SKEW, Optional.empty(), Optional.empty(), false, Map.of());
        int dot = token.lastIndexOf('.');
        signingInput = token.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        signature = java.util.Base64.getUrlDecoder().decode(token.substring(dot + 1));

        if (!(verify() instanceof TokenVerification.Verified) || !verifyAndEvaluateTrust().allowed()
                || !verifyMapAndEvaluateTrust().allowed() || !baselineRsaVerify()) {
            throw new IllegalStateException("benchmark token does not verify and pass the trust policy");
        }
    }

    /** Verification alone; the Uni has emitted by the time subscribe returns. */
    @Benchmark
    public TokenVerification verify() {
        last = null;
        issuers.verify(token).subscribe().with(result -> last = result);
        if (last == null) {
            throw new IllegalStateException("verification did not complete synchronously");
        }
        return last;
    }

    /** Verification, then the trust policy on aud, sub and groups. */
    @Benchmark
    public Decision verifyAndEvaluateTrust() {
        VerifiedToken verified = ((TokenVerification.Verified) verify()).token();
        RequestContext context = RequestContext.builder()
                .putAll(HOST_PATH + ":aud", verified.audiences())
                .put(HOST_PATH + ":sub", verified.subject())
                .putAll(HOST_PATH + ":groups", verified.claimValues("groups"))
                .build();
        return evaluator.evaluateTrust(trust,
                new AuthorizationRequest(principal, "sts:AssumeRoleWithWebIdentity", ROLE, context));
    }

    /**
     * The web identity path before minting as AssumeRoleWithWebIdentity runs it: verification, every claim turned
     * into condition keys and session tags by {@link WebIdentityPrincipals}, then the trust policy on them.
     */
    @Benchmark
    public Decision verifyMapAndEvaluateTrust() {
        VerifiedToken verified = ((TokenVerification.Verified) verify()).token();
        FederatedPrincipal federated = WebIdentityPrincipals.of(verified, provider);
        RequestContext.Builder context = RequestContext.builder();
        federated.conditionKeys().forEach(context::putAll);
        return evaluator.evaluateTrust(trust,
                new AuthorizationRequest(principal, "sts:AssumeRoleWithWebIdentity", ROLE, context.build()));
    }

    /** Calibration: the JCA RS256 check of the same token and nothing else. */
    @Benchmark
    public boolean baselineRsaVerify() throws Exception {
        Signature engine = Signature.getInstance("SHA256withRSA");
        engine.initVerify(key.publicKey());
        engine.update(signingInput);
        return engine.verify(signature);
    }
}
