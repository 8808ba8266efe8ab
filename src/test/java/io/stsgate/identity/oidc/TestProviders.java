package io.stsgate.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.stsgate.identity.oidc.TestKeys.TestKey;
import io.stsgate.testsupport.TestJwts;

/** Providers, registries and assertions shared by the OIDC tests. */
final class TestProviders {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ISSUER = "https://idp.example.com/realms/corp";
    static final String ARN = "arn:aws:iam::111122223333:oidc-provider/idp.example.com/realms/corp";
    static final String CLIENT_ID = "stsgate-cli";

    static final TestKey RSA = TestKeys.rsa2048("rsa-1");
    static final TestKey EC = TestKeys.ec256("ec-1");
    static final TestKey ED = TestKeys.ed25519("ed-1");
    static final TestKey WEAK = TestKeys.rsa1024("weak-1");

    /** For providers with a static JWKS: fails the test if anything asks for fetched keys. */
    static final JwksSource NO_FETCH = (provider, refresh) -> {
        throw new AssertionError("a static-JWKS provider asked for fetched keys");
    };

    private TestProviders() {
    }

    /** The test provider with a static JWKS of {@code keys} (default: RSA, EC, Ed25519 and the weak RSA key). */
    static OidcProviderSettings staticProvider(TestKey... keys) {
        TestKey[] jwks = keys.length == 0 ? new TestKey[] { RSA, EC, ED, WEAK } : keys;
        return OidcProviderSettings.of(ARN, ISSUER, Set.of(CLIENT_ID)).withStaticJwks(TestKeys.jwks(jwks));
    }

    static OidcIssuers issuers(OidcProviderSettings provider, Clock clock) {
        return new OidcIssuers(List.of(provider), NO_FETCH, clock);
    }

    static OidcIssuers issuers(OidcProviderSettings provider) {
        return issuers(provider, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A Keycloak-like ID token from the test issuer, issued at {@link #NOW}. */
    static TestJwts.IdToken token() {
        return TestJwts.idToken(ISSUER, CLIENT_ID, NOW);
    }

    static String signed(TestJwts.IdToken token, TestKey key) {
        return token.sign(key.alg(), key.kid(), key.privateKey());
    }

    static TokenVerification verify(OidcIssuers issuers, String token) {
        return issuers.verify(token).await().atMost(Duration.ofSeconds(20));
    }

    static VerifiedToken assertVerified(TokenVerification result) {
        assertThat(result).isInstanceOf(TokenVerification.Verified.class);
        return ((TokenVerification.Verified) result).token();
    }

    static TokenVerification.Rejected assertRejected(TokenVerification result, OidcFailure failure) {
        assertThat(result).isInstanceOf(TokenVerification.Rejected.class);
        TokenVerification.Rejected rejected = (TokenVerification.Rejected) result;
        assertThat(rejected.failure()).as(rejected.detail()).isEqualTo(failure);
        return rejected;
    }
}
