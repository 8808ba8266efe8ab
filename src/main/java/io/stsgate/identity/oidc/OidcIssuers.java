package io.stsgate.identity.oidc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stsgate.identity.oidc.TokenVerification.Rejected;

/**
 * The trusted OIDC providers, immutable, with one verifier per issuer. The token's unverified {@code iss} only picks
 * the verifier from this allow-list; that verifier then checks the token with its own provider's keys, algorithms,
 * audiences and times.
 * <p>
 * {@link #verify} never fails its Uni for a bad token: every refusal is a {@link Rejected} result. With fresh cached
 * keys it emits at subscription, on the caller's thread, without I/O (safe on the Vert.x event loop); when keys must
 * be fetched it emits later, on a JDK HTTP client thread. Rejections are logged at DEBUG with the failure and the
 * configured issuer only, never the token.
 */
public final class OidcIssuers {

    /** The AWS limit on WebIdentityToken, checked before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 20000;

    private static final Logger LOG = Logger.getLogger(OidcIssuers.class);

    private final Map<String, IssuerVerifier> byIssuer;
    private final List<OidcProviderSettings> providers;

    /**
     * @throws IllegalArgumentException for two providers with the same issuer or ARN, or an unreadable static JWKS
     */
    public OidcIssuers(List<OidcProviderSettings> providers, JwksSource jwks, Clock clock) {
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(clock, "clock");
        Map<String, IssuerVerifier> verifiers = new HashMap<>();
        Map<String, String> arns = new HashMap<>();
        List<OidcProviderSettings> all = new ArrayList<>();
        for (OidcProviderSettings provider : providers) {
            if (verifiers.containsKey(provider.issuer())) {
                throw new IllegalArgumentException("two OIDC providers with issuer " + provider.issuer());
            }
            if (arns.put(provider.arn(), provider.issuer()) != null) {
                throw new IllegalArgumentException("two OIDC providers with ARN " + provider.arn());
            }
            verifiers.put(provider.issuer(), new IssuerVerifier(provider, jwks, clock));
            all.add(provider);
        }
        this.byIssuer = Map.copyOf(verifiers);
        this.providers = List.copyOf(all);
    }

    public List<OidcProviderSettings> providers() {
        return providers;
    }

    /** Verifies {@code token} with the provider named by its {@code iss}. */
    public Uni<TokenVerification> verify(String token) {
        return route(token, null);
    }

    /**
     * Verifies {@code token} only if its {@code iss} belongs to the provider {@code expectedProviderArn} (e.g. the
     * ProviderId of the request, or the one provider a role trusts); any other issuer is UNKNOWN_ISSUER.
     */
    public Uni<TokenVerification> verify(String token, String expectedProviderArn) {
        return route(token, Objects.requireNonNull(expectedProviderArn, "expectedProviderArn"));
    }

    /**
     * The {@code iss} a token claims, unverified: only for telling an administrator which provider a refused token
     * was meant for, never for trusting it.
     */
    public static java.util.Optional<String> claimedIssuer(String token) {
        Step<CompactJws> parsed = CompactJws.parse(token);
        if (parsed.failed()) {
            return java.util.Optional.empty();
        }
        return parsed.value().claims().get("iss") instanceof String issuer ? java.util.Optional.of(issuer)
                : java.util.Optional.empty();
    }

    private Uni<TokenVerification> route(String token, String expectedProviderArn) {
        Step<CompactJws> parsed = CompactJws.parse(token);
        if (parsed.failed()) {
            return rejected(parsed.rejection());
        }
        Object iss = parsed.value().claims().get("iss");
        if (!(iss instanceof String issuer)) {
            return rejected(new Rejected(OidcFailure.UNKNOWN_ISSUER,
                    iss == null ? "token has no iss" : "iss is not a string"));
        }
        IssuerVerifier verifier = byIssuer.get(issuer);
        if (verifier == null) {
            return rejected(new Rejected(OidcFailure.UNKNOWN_ISSUER, "no provider for iss " + AuditText.quote(issuer),
                    AuditText.clientSafe(issuer) ? "No OpenIDConnect provider found in your account for " + issuer
                            : OidcFailure.UNKNOWN_ISSUER.clientMessage()));
        }
        if (expectedProviderArn != null && !expectedProviderArn.equals(verifier.provider().arn())) {
            return rejected(new Rejected(OidcFailure.UNKNOWN_ISSUER, "iss belongs to " + verifier.provider().arn()
                    + ", not to the expected provider " + AuditText.quote(expectedProviderArn),
                    "No OpenIDConnect provider found in your account for " + issuer));
        }
        return verifier.verify(parsed.value());
    }

    /** Refusals before a provider is chosen: logged without the (untrusted) issuer. */
    private static Uni<TokenVerification> rejected(Rejected rejected) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("OIDC token rejected: %s (%s) before a provider was chosen", rejected.failure(),
                    rejected.failure().wireCode());
        }
        return Uni.createFrom().item(rejected);
    }
}
