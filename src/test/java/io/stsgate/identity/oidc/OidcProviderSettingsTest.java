package io.stsgate.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OidcProviderSettingsTest {

    private static final String ACCOUNT = "arn:aws:iam::111122223333:oidc-provider/";

    private static OidcProviderSettings provider(String issuer, boolean allowInsecureHttp) {
        String host = issuer.substring(issuer.indexOf("://") + 3);
        return new OidcProviderSettings(ACCOUNT + host, issuer, Set.of("app"),
                OidcProviderSettings.DEFAULT_ALGORITHMS, OidcProviderSettings.DEFAULT_CLOCK_SKEW, Optional.empty(),
                Optional.empty(), allowInsecureHttp);
    }

    @Test
    void httpsIssuerWithDefaults() {
        OidcProviderSettings provider = OidcProviderSettings.of(ACCOUNT + "accounts.google.com",
                "https://accounts.google.com", Set.of("app"));
        assertThat(provider.allowedAlgorithms()).containsExactlyInAnyOrder("RS256", "RS384", "RS512", "PS256",
                "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
        assertThat(provider.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(provider.conditionKeyPrefix()).isEqualTo("accounts.google.com");
    }

    @Test
    void plainHttpIssuerIsRefused() {
        assertThatThrownBy(() -> provider("http://idp.example.com/realms/corp", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/realms/x", "http://127.1.2.3/realms/x", "http://[::1]:9000/x",
            "http://localhost:8180/realms/x" })
    void plainHttpOnLoopbackIsAllowed(String issuer) {
        assertThat(provider(issuer, false).issuer()).isEqualTo(issuer);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://128.0.0.1/x", "http://localhost.example.com/x", "http://127.0.0.1.nip.io/x",
            "http://10.0.0.1/x" })
    void plainHttpOnLookalikesOfLoopbackIsRefused(String issuer) {
        assertThatThrownBy(() -> provider(issuer, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainHttpIsAllowedWhenExplicitlyPermitted() {
        assertThat(provider("http://idp.internal/realms/corp", true).allowInsecureHttp()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://idp.example.com", "https://idp.example.com/?a=b", "https://idp.example.com/#f",
            "idp.example.com", "https://user@idp.example.com" })
    void issuerThatIsNotAPlainHttpsUrlIsRefused(String issuer) {
        assertThatThrownBy(() -> provider(issuer, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "HS256", "HS512", "NONE", "RSA-OAEP", "ES256K" })
    void unsignedSymmetricAndUnknownAlgorithmsAreRefused(String algorithm) {
        OidcProviderSettings base = provider("https://idp.example.com", false);
        assertThatThrownBy(() -> base.withAllowedAlgorithms(Set.of("RS256", algorithm)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arnMustNameTheIssuer() {
        assertThatThrownBy(() -> OidcProviderSettings.of(ACCOUNT + "other.example.com", "https://idp.example.com",
                Set.of("app"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not name");
        assertThatThrownBy(() -> OidcProviderSettings.of("arn:aws:iam::1:oidc-provider/idp.example.com",
                "https://idp.example.com", Set.of("app"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientIdsAreOneToAHundred() {
        assertThatThrownBy(() -> OidcProviderSettings.of(ACCOUNT + "idp.example.com", "https://idp.example.com",
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 101; i++) {
            many.add("client-" + i);
        }
        assertThatThrownBy(() -> OidcProviderSettings.of(ACCOUNT + "idp.example.com", "https://idp.example.com",
                many)).isInstanceOf(IllegalArgumentException.class);
        many.remove("client-0");
        assertThat(OidcProviderSettings.of(ACCOUNT + "idp.example.com", "https://idp.example.com", many).clientIds())
                .hasSize(100);
    }

    @Test
    void skewAboveFiveMinutesIsRefused() {
        OidcProviderSettings base = provider("https://idp.example.com", false);
        assertThatThrownBy(() -> base.withClockSkew(Duration.ofMinutes(6))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withClockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateIssuersAreRefusedByTheRegistry() {
        OidcProviderSettings provider = provider("https://idp.example.com", false);
        assertThatThrownBy(() -> new OidcIssuers(java.util.List.of(provider, provider), TestProviders.NO_FETCH,
                java.time.Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unreadableStaticJwksIsRefusedByTheRegistry() {
        OidcProviderSettings provider = provider("https://idp.example.com", false).withStaticJwks("{\"keys\": 7}");
        assertThatThrownBy(() -> new OidcIssuers(java.util.List.of(provider), TestProviders.NO_FETCH,
                java.time.Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
