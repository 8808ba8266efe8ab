package io.stsgate.identity.oidc;

import static io.stsgate.identity.oidc.TestProviders.assertRejected;
import static io.stsgate.identity.oidc.TestProviders.assertVerified;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stsgate.identity.oidc.LocalIdp.Mode;
import io.stsgate.identity.oidc.TestKeys.TestKey;
import io.stsgate.testsupport.MovableClock;
import io.stsgate.testsupport.TestJwts;

/** Discovery, JWKS caching, rotation, rate limits and outages against a local identity provider. */
class HttpJwksSourceTest {

    private static final String CLIENT_ID = "stsgate-cli";
    private static final JwksPolicy POLICY = new JwksPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30),
            Duration.ofHours(24), Duration.ofMillis(500), 64 * 1024);

    private static final TestKey K1 = TestKeys.rsa2048("k1");
    private static final TestKey K2 = TestKeys.rsa2048("k2");

    private final MovableClock clock = MovableClock.atNow();
    private final List<LocalIdp> idps = new ArrayList<>();

    @AfterEach
    void stopIdps() {
        idps.forEach(LocalIdp::close);
    }

    private LocalIdp idp(String realm, TestKey... keys) {
        LocalIdp idp = LocalIdp.start(realm).keys(keys);
        idps.add(idp);
        return idp;
    }

    private static OidcProviderSettings provider(LocalIdp idp) {
        return OidcProviderSettings.of(idp.arn(), idp.issuer(), Set.of(CLIENT_ID));
    }

    private OidcIssuers issuers(JwksPolicy policy, OidcProviderSettings... providers) {
        return new OidcIssuers(List.of(providers), new HttpJwksSource(policy, new MapJwksCache(), clock), clock);
    }

    private OidcIssuers issuers(OidcProviderSettings... providers) {
        return issuers(POLICY, providers);
    }

    private String token(LocalIdp idp, TestKey key) {
        return TestJwts.idToken(idp.issuer(), CLIENT_ID, clock.instant()).sign(key.alg(), key.kid(), key.privateKey());
    }

    private static TokenVerification verify(OidcIssuers issuers, String token) {
        return TestProviders.verify(issuers, token);
    }

    @Test
    void discoversOnceThenVerifiesFromTheCacheWithoutIo() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        VerifiedToken verified = assertVerified(verify(issuers, token(idp, K1)));
        assertThat(verified.providerArn()).isEqualTo(idp.arn());
        assertThat(idp.discoveryRequests()).isEqualTo(1);
        assertThat(idp.jwksRequests()).isEqualTo(1);

        // Cached: the Uni emits during subscription, on this thread.
        AtomicReference<TokenVerification> result = new AtomicReference<>();
        issuers.verify(token(idp, K1)).subscribe().with(result::set);
        assertThat(result.get()).isInstanceOf(TokenVerification.Verified.class);
        assertThat(idp.requests()).isEqualTo(2);
    }

    @Test
    void keysAreFetchedAgainAfterTheTtl() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        clock.advance(Duration.ofMinutes(9));
        assertVerified(verify(issuers, token(idp, K1)));
        assertThat(idp.jwksRequests()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertVerified(verify(issuers, token(idp, K1)));
        assertThat(idp.jwksRequests()).isEqualTo(2);
        assertThat(idp.discoveryRequests()).isEqualTo(2);
    }

    @Test
    void newKeyAtTheIdpIsFoundWithOneRefetch() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        idp.keys(K1, K2);
        assertVerified(verify(issuers, token(idp, K2)));
        assertThat(idp.jwksRequests()).isEqualTo(2);
        assertThat(idp.discoveryRequests()).as("an unknown kid refetches the JWKS, not discovery").isEqualTo(1);
        assertVerified(verify(issuers, token(idp, K2)));
        assertThat(idp.jwksRequests()).isEqualTo(2);
    }

    @Test
    void removedKeyFailsAfterTheCacheRefresh() {
        LocalIdp idp = idp("corp", K1, K2);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        idp.keys(K2);
        assertVerified(verify(issuers, token(idp, K1)));
        clock.advance(Duration.ofMinutes(11));
        assertRejected(verify(issuers, token(idp, K1)), OidcFailure.UNKNOWN_KEY);
        assertVerified(verify(issuers, token(idp, K2)));
    }

    @Test
    void floodOfMadeUpKeyIdsCausesAtMostOneFetchPerInterval() throws Exception {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        // All subscribed before any completes: the first claims the refetch, the others are refused at once.
        List<CompletableFuture<TokenVerification>> flood = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            flood.add(issuers.verify(token(idp, K1.withKid("bogus-" + i))).subscribeAsCompletionStage());
        }
        for (CompletableFuture<TokenVerification> result : flood) {
            assertRejected(result.get(10, TimeUnit.SECONDS), OidcFailure.UNKNOWN_KEY);
        }
        assertThat(idp.jwksRequests()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(29));
        assertRejected(verify(issuers, token(idp, K1.withKid("bogus-x"))), OidcFailure.UNKNOWN_KEY);
        assertThat(idp.jwksRequests()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertRejected(verify(issuers, token(idp, K1.withKid("bogus-y"))), OidcFailure.UNKNOWN_KEY);
        assertThat(idp.jwksRequests()).isEqualTo(3);
        assertThat(idp.discoveryRequests()).isEqualTo(1);
    }

    @Test
    void cachedKeysServeWithinTheGracePeriodWhileTheIdpIsDown() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        idp.mode(Mode.ERROR_500);
        clock.advance(Duration.ofHours(23));
        assertVerified(verify(issuers, token(idp, K1)));
        assertThat(idp.discoveryRequests()).as("a refetch was attempted").isEqualTo(2);
        clock.advance(Duration.ofMinutes(61));
        TokenVerification.Rejected rejected = assertRejected(verify(issuers, token(idp, K1)),
                OidcFailure.IDP_UNREACHABLE);
        assertThat(rejected.failure().wireCode()).isEqualTo("IDPCommunicationError");
        assertThat(rejected.detail()).contains("grace period").contains("HTTP 500");
    }

    @Test
    void timeoutWithinTheGracePeriodKeepsTheCachedKeys() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        idp.mode(Mode.STALL);
        clock.advance(Duration.ofMinutes(11));
        assertVerified(verify(issuers, token(idp, K1)));
    }

    @Test
    void garbageWithinTheGracePeriodKeepsTheCachedKeys() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        assertVerified(verify(issuers, token(idp, K1)));
        idp.mode(Mode.GARBAGE);
        clock.advance(Duration.ofMinutes(11));
        assertVerified(verify(issuers, token(idp, K1)));
        assertThat(idp.discoveryRequests()).isEqualTo(2);
    }

    @Test
    void unreachableIdpWithNothingCachedIsIdpUnreachable() {
        LocalIdp idp = idp("corp", K1).mode(Mode.ERROR_500);
        OidcIssuers issuers = issuers(provider(idp));
        TokenVerification.Rejected rejected = assertRejected(verify(issuers, token(idp, K1)),
                OidcFailure.IDP_UNREACHABLE);
        assertThat(rejected.failure().retryable()).isTrue();
    }

    @Test
    void stalledIdpTimesOutAsIdpUnreachable() {
        LocalIdp idp = idp("corp", K1).mode(Mode.STALL);
        OidcIssuers issuers = issuers(provider(idp));
        long started = System.nanoTime();
        TokenVerification.Rejected rejected = assertRejected(verify(issuers, token(idp, K1)),
                OidcFailure.IDP_UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(rejected.detail()).contains("timed out");
    }

    @Test
    void failedFetchesAreNotCachedButBackedOff() {
        LocalIdp idp = idp("corp", K1).mode(Mode.ERROR_500);
        OidcIssuers issuers = issuers(provider(idp));
        assertRejected(verify(issuers, token(idp, K1)), OidcFailure.IDP_UNREACHABLE);
        idp.mode(Mode.OK);
        assertRejected(verify(issuers, token(idp, K1)), OidcFailure.IDP_UNREACHABLE);
        assertThat(idp.discoveryRequests()).as("no new attempt during the back-off").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertVerified(verify(issuers, token(idp, K1)));
    }

    @Test
    void oversizedJwksIsRefused() {
        LocalIdp idp = idp("corp", K1);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(K1.withKid("k-" + i).jwk());
        }
        idp.jwksJson(TestKeys.jwks(many));
        OidcIssuers issuers = issuers(provider(idp));
        TokenVerification.Rejected rejected = assertRejected(verify(issuers, token(idp, K1.withKid("k-1"))),
                OidcFailure.IDP_UNREACHABLE);
        assertThat(rejected.detail()).contains("larger than");
    }

    @Test
    void discoveryNamingAnotherIssuerIsRefused() {
        LocalIdp idp = idp("corp", K1).discoveryIssuer("https://evil.example.com");
        OidcIssuers issuers = issuers(provider(idp));
        TokenVerification.Rejected rejected = assertRejected(verify(issuers, token(idp, K1)),
                OidcFailure.IDP_UNREACHABLE);
        assertThat(rejected.detail()).contains("names issuer");
        assertThat(idp.jwksRequests()).isZero();
    }

    @Test
    void plainHttpJwksUriOffLoopbackIsNotFetched() {
        LocalIdp idp = idp("corp", K1).jwksUri("http://keys.example.com/certs");
        OidcIssuers issuers = issuers(provider(idp));
        assertRejected(verify(issuers, token(idp, K1)), OidcFailure.IDP_UNREACHABLE);
    }

    @Test
    void weakKeyFromTheIdpIsWeak() {
        TestKey weak = TestKeys.rsa1024("weak");
        LocalIdp idp = idp("corp", weak);
        assertRejected(verify(issuers(provider(idp)), token(idp, weak)), OidcFailure.WEAK_KEY);
    }

    @Test
    void encryptionKeyFromTheIdpIsNotUsed() {
        LocalIdp idp = idp("corp");
        Map<String, Object> enc = K1.jwk();
        enc.put("use", "enc");
        idp.jwksJson(TestKeys.jwks(List.of(enc)));
        assertRejected(verify(issuers(provider(idp)), token(idp, K1)), OidcFailure.UNKNOWN_KEY);
    }

    @Test
    void keyUrlHeadersAreNeverFetched() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp));
        TestKey attacker = TestKeys.rsa2048("attacker");
        for (String header : List.of("jku", "x5u")) {
            String token = TestJwts.idToken(idp.issuer(), CLIENT_ID, clock.instant()).header(header, idp.trapUrl())
                    .sign("RS256", "attacker", attacker.privateKey());
            assertRejected(verify(issuers, token), OidcFailure.UNKNOWN_KEY);
        }
        assertThat(idp.trapRequests()).isZero();
    }

    @Test
    void staticJwksProviderNeverFetches() {
        LocalIdp idp = idp("corp", K1);
        OidcIssuers issuers = issuers(provider(idp).withStaticJwks(TestKeys.jwks(K1)));
        assertVerified(verify(issuers, token(idp, K1)));
        assertRejected(verify(issuers, token(idp, K2)), OidcFailure.UNKNOWN_KEY);
        assertThat(idp.requests()).isZero();
    }

    @Test
    void twoProvidersEachAcceptOnlyTheirOwnTokens() {
        TestKey a = TestKeys.rsa2048("a-key");
        TestKey b = TestKeys.ec256("b-key");
        LocalIdp idpA = idp("a", a);
        LocalIdp idpB = idp("b", b);
        OidcIssuers issuers = issuers(provider(idpA), provider(idpB));
        assertThat(assertVerified(verify(issuers, token(idpA, a))).providerArn()).isEqualTo(idpA.arn());
        assertThat(assertVerified(verify(issuers, token(idpB, b))).providerArn()).isEqualTo(idpB.arn());
        // Issuer A naming B's key: A's JWKS has no such key.
        assertRejected(verify(issuers, token(idpA, b)), OidcFailure.UNKNOWN_KEY);
        // Issuer B signed by A's key under B's kid: the signature does not verify with B's key.
        assertRejected(verify(issuers, token(idpB, a.withKid("b-key").withAlg("RS256"))),
                OidcFailure.ALGORITHM_NOT_ALLOWED);
        assertRejected(verify(issuers, token(idpB, TestKeys.ec256("impostor").withKid("b-key"))),
                OidcFailure.BAD_SIGNATURE);
    }
}
