package io.stsgate.identity.oidc;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stsgate.identity.oidc.TokenVerification.Rejected;

/**
 * Verifies tokens for exactly one provider, with that provider's keys, algorithms, audiences and time rules. Built
 * once per issuer by {@link OidcIssuers}; immutable apart from what its {@link JwksSource} caches.
 */
final class IssuerVerifier {

    private static final Logger LOG = Logger.getLogger(OidcIssuers.class);
    /** NumericDates beyond this (about year 318,000) are refused instead of overflowing in millisecond arithmetic. */
    private static final long MAX_NUMERIC_DATE = 10_000_000_000_000L;

    private final OidcProviderSettings provider;
    private final Set<JwsAlgorithm> algorithms;
    private final JwkSet staticKeys;
    private final JwksSource source;
    private final Clock clock;
    private final long skewMillis;
    private final long maxAgeMillis;

    IssuerVerifier(OidcProviderSettings provider, JwksSource source, Clock clock) {
        this.provider = provider;
        EnumSet<JwsAlgorithm> allowed = EnumSet.noneOf(JwsAlgorithm.class);
        provider.allowedAlgorithms().forEach(name -> allowed.add(JwsAlgorithm.byName(name)));
        this.algorithms = allowed;
        this.staticKeys = provider.staticJwks().map(IssuerVerifier::parseStatic).orElse(null);
        this.source = source;
        this.clock = clock;
        this.skewMillis = provider.clockSkew().toMillis();
        this.maxAgeMillis = provider.maxTokenAge().map(age -> age.toMillis()).orElse(-1L);
    }

    OidcProviderSettings provider() {
        return provider;
    }

    Uni<TokenVerification> verify(CompactJws jws) {
        Step<JwsAlgorithm> algorithm = algorithm(jws.header());
        if (algorithm.failed()) {
            return done(algorithm.rejection());
        }
        Step<String> kid = keyId(jws.header());
        if (kid.failed()) {
            return done(kid.rejection());
        }
        JwsAlgorithm alg = algorithm.value();
        if (staticKeys != null) {
            return done(finish(jws, alg, staticKeys.select(alg, kid.value())));
        }
        return source.keys(provider, false).onItemOrFailure().transformToUni((keys, failure) -> {
            if (failure != null) {
                return done(unreachable(failure));
            }
            Step<VerificationKey> key = keys.select(alg, kid.value());
            if (!key.failed() || key.rejection().failure() != OidcFailure.UNKNOWN_KEY) {
                return done(finish(jws, alg, key));
            }
            return source.keys(provider, true).onItemOrFailure().transform((refreshed, refreshFailure) -> log(
                    refreshFailure != null ? unreachable(refreshFailure)
                            : finish(jws, alg, refreshed.select(alg, kid.value()))));
        });
    }

    /** Header {@code alg}: one this provider allows; never {@code none} or HMAC. Unknown {@code crit}: refused. */
    private Step<JwsAlgorithm> algorithm(Map<String, Object> header) {
        Object name = header.get("alg");
        if (!(name instanceof String text)) {
            return Step.rejected(OidcFailure.MALFORMED, "token header has no alg");
        }
        JwsAlgorithm algorithm = JwsAlgorithm.byName(text);
        if (algorithm == null || !algorithms.contains(algorithm)) {
            String why = text.equalsIgnoreCase("none") ? "unsigned token (alg none)"
                    : text.startsWith("HS") ? "HMAC alg " + AuditText.quote(text) + " is never accepted"
                            : "alg " + AuditText.quote(text) + " is not allowed for this provider";
            return Step.rejected(OidcFailure.ALGORITHM_NOT_ALLOWED, why);
        }
        if (header.containsKey("crit")) {
            return Step.rejected(OidcFailure.MALFORMED, "token header has critical extensions "
                    + AuditText.quote(header.get("crit")) + ", none of which stsgate understands");
        }
        return Step.ok(algorithm);
    }

    /** Header {@code kid}, or null when absent; {@code jku}, {@code jwk}, {@code x5u} and {@code x5c} are ignored. */
    private static Step<String> keyId(Map<String, Object> header) {
        Object kid = header.get("kid");
        if (kid == null) {
            return Step.ok(null);
        }
        if (!(kid instanceof String text) || !JwkSet.validKeyId(text)) {
            return Step.rejected(OidcFailure.KEY_ID_INVALID, "kid " + AuditText.quote(kid) + " is not 1 to 128"
                    + " characters of [A-Za-z0-9._~+/=-] without '..'");
        }
        return Step.ok(text);
    }

    private TokenVerification finish(CompactJws jws, JwsAlgorithm algorithm, Step<VerificationKey> key) {
        if (key.failed()) {
            return key.rejection();
        }
        try {
            if (!algorithm.verify(key.value().key(), jws.signingInput(), jws.signingInput().length, jws.signature())) {
                return reject(OidcFailure.BAD_SIGNATURE, algorithm.name() + " signature does not verify with the "
                        + key.value().describe());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return reject(OidcFailure.BAD_SIGNATURE, algorithm.name() + " signature is unusable with the "
                    + key.value().describe() + ": " + e.getClass().getSimpleName());
        }
        return claims(jws.claims());
    }

    private TokenVerification claims(Map<String, Object> claims) {
        Step<Long> exp = numericDate(claims, "exp", true);
        if (exp.failed()) {
            return exp.rejection();
        }
        Step<Long> iat = numericDate(claims, "iat", true);
        if (iat.failed()) {
            return iat.rejection();
        }
        Step<Long> nbf = numericDate(claims, "nbf", false);
        if (nbf.failed()) {
            return nbf.rejection();
        }
        long now = clock.millis();
        long expiresAt = exp.value() * 1000;
        long issuedAt = iat.value() * 1000;
        if (expiresAt <= now - skewMillis) {
            return reject(OidcFailure.EXPIRED, "exp " + exp.value() + " is not after now " + now / 1000 + " minus the "
                    + skewMillis / 1000 + " s skew",
                    "Token expired: current date/time " + now / 1000
                            + " must be before the expiration date/time " + exp.value());
        }
        if (nbf.value() != null && nbf.value() * 1000 > now + skewMillis) {
            return reject(OidcFailure.NOT_YET_VALID, "nbf " + nbf.value() + " is after now " + now / 1000
                    + " plus the " + skewMillis / 1000 + " s skew");
        }
        if (issuedAt > now + skewMillis) {
            return reject(OidcFailure.ISSUED_IN_FUTURE, "iat " + iat.value() + " is after now " + now / 1000
                    + " plus the " + skewMillis / 1000 + " s skew");
        }
        if (maxAgeMillis >= 0 && now - issuedAt > maxAgeMillis + skewMillis) {
            long age = Math.floorDiv(now - issuedAt, 1000);
            return reject(OidcFailure.TOKEN_TOO_OLD, "token is " + age + " s old, more than the provider's maximum "
                    + maxAgeMillis / 1000 + " s plus the " + skewMillis / 1000 + " s skew", "Token too old: " + age);
        }
        Step<List<String>> audiences = audiences(claims.get("aud"));
        if (audiences.failed()) {
            return audiences.rejection();
        }
        Object azp = claims.get("azp");
        if (azp != null && !(azp instanceof String)) {
            return reject(OidcFailure.MALFORMED, "azp is not a string");
        }
        if (azp != null && audiences.value().size() > 1 && !provider.clientIds().contains(azp)) {
            return reject(OidcFailure.WRONG_AUDIENCE, "azp " + AuditText.quote(azp) + " of a token with "
                    + audiences.value().size() + " audiences is not a client id of the provider");
        }
        Object sub = claims.get("sub");
        if (sub != null && !(sub instanceof String)) {
            return reject(OidcFailure.MALFORMED, "sub is not a string");
        }
        if (sub == null || ((String) sub).isEmpty()) {
            return reject(OidcFailure.MISSING_SUBJECT, sub == null ? "token has no sub" : "token has an empty sub");
        }
        return new TokenVerification.Verified(new VerifiedToken(provider.arn(), provider.issuer(), (String) sub,
                audiences.value(), (String) azp, Instant.ofEpochSecond(iat.value()), Instant.ofEpochSecond(exp.value()),
                claims));
    }

    private Step<List<String>> audiences(Object aud) {
        List<String> audiences;
        if (aud == null) {
            return Step.rejected(reject(OidcFailure.MISSING_AUDIENCE, "token has no aud"));
        } else if (aud instanceof String text) {
            audiences = List.of(text);
        } else if (aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            audiences = list.stream().map(String.class::cast).toList();
        } else {
            return Step.rejected(reject(OidcFailure.MALFORMED, "aud is neither a string nor an array of strings"));
        }
        if (audiences.isEmpty()) {
            return Step.rejected(reject(OidcFailure.MISSING_AUDIENCE, "token has an empty aud array"));
        }
        for (String audience : audiences) {
            if (provider.clientIds().contains(audience)) {
                return Step.ok(audiences);
            }
        }
        return Step.rejected(reject(OidcFailure.WRONG_AUDIENCE, "aud " + AuditText.quote(audiences)
                + " holds none of the provider's " + provider.clientIds().size() + " client ids"));
    }

    private Step<Long> numericDate(Map<String, Object> claims, String name, boolean required) {
        Object value = claims.get(name);
        if (value == null) {
            return required
                    ? Step.rejected(reject(OidcFailure.MALFORMED, "token has no " + name,
                            "Missing a required claim: " + name))
                    : Step.ok(null);
        }
        if (!(value instanceof Long seconds) || Math.abs(seconds) > MAX_NUMERIC_DATE) {
            return Step.rejected(reject(OidcFailure.MALFORMED, name + " is not an integer NumericDate",
                    "Invalid claim: " + name + " must be an integer NumericDate"));
        }
        return Step.ok(seconds);
    }

    private Rejected unreachable(Throwable failure) {
        String reason = failure instanceof JwksUnavailableException ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reject(OidcFailure.IDP_UNREACHABLE, "no usable keys for the provider: " + reason);
    }

    private Rejected reject(OidcFailure failure, String detail) {
        return new Rejected(failure, detail);
    }

    private Rejected reject(OidcFailure failure, String detail, String clientMessage) {
        return new Rejected(failure, detail, clientMessage);
    }

    private Uni<TokenVerification> done(TokenVerification result) {
        return Uni.createFrom().item(log(result));
    }

    /** Rejections at DEBUG, with the failure and the configured issuer only. */
    private TokenVerification log(TokenVerification result) {
        if (result instanceof Rejected rejected && LOG.isDebugEnabled()) {
            LOG.debugf("OIDC token rejected: %s (%s) issuer=%s", rejected.failure(), rejected.failure().wireCode(),
                    provider.issuer());
        }
        return result;
    }

    private static JwkSet parseStatic(String json) {
        JwkSet keys = JwkSet.parse(json);
        if (keys.size() == 0) {
            throw new IllegalArgumentException("static JWKS holds no usable signature key");
        }
        return keys;
    }
}
