package io.stsgate.identity.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One trusted OpenID Connect provider, built by the caller from the directory. The constructor refuses anything
 * unsafe, so an instance is always usable as it is.
 *
 * @param arn {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH}, where HOST/PATH is the issuer without its scheme
 * @param issuer the exact {@code iss} of the provider's tokens; {@code https}, or {@code http} only for a loopback
 *        host (127.0.0.0/8, ::1, localhost) or with {@code allowInsecureHttp}
 * @param clientIds the accepted audiences (1 to 100, each up to 255 characters)
 * @param allowedAlgorithms JWS algorithms accepted from this provider, a subset of {@link #DEFAULT_ALGORITHMS};
 *        {@code none} and HMAC algorithms are refused
 * @param clockSkew applied to {@code exp}, {@code nbf}, {@code iat} and the token age; 0 to 5 minutes
 * @param maxTokenAge if present, tokens whose {@code iat} is older than this are refused
 * @param staticJwks a JWKS document to use instead of discovery, for issuers stsgate cannot reach
 * @param allowInsecureHttp permits a plain {@code http} issuer (and JWKS URI) on a non-loopback host
 */
public record OidcProviderSettings(String arn, String issuer, Set<String> clientIds, Set<String> allowedAlgorithms,
        Duration clockSkew, Optional<Duration> maxTokenAge, Optional<String> staticJwks, boolean allowInsecureHttp) {

    /** Every asymmetric JWS algorithm stsgate verifies. */
    public static final Set<String> DEFAULT_ALGORITHMS = JwsAlgorithm.NAMES;
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final int MAX_CLIENT_IDS = 100;
    public static final int MAX_CLIENT_ID_LENGTH = 255;

    private static final Pattern ARN = Pattern.compile("arn:aws:iam::[0-9]{12}:oidc-provider/(.+)");

    public OidcProviderSettings {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientIds, "clientIds");
        Objects.requireNonNull(allowedAlgorithms, "allowedAlgorithms");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxTokenAge, "maxTokenAge");
        Objects.requireNonNull(staticJwks, "staticJwks");
        URI uri = checkIssuer(issuer, allowInsecureHttp);
        checkArn(arn, issuer, uri);
        clientIds = Set.copyOf(clientIds);
        checkClientIds(clientIds);
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        checkAlgorithms(allowedAlgorithms);
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW + ": " + clockSkew);
        }
        if (maxTokenAge.isPresent() && (maxTokenAge.get().isNegative() || maxTokenAge.get().isZero())) {
            throw new IllegalArgumentException("maxTokenAge must be positive: " + maxTokenAge.get());
        }
        if (staticJwks.isPresent() && staticJwks.get().isBlank()) {
            throw new IllegalArgumentException("staticJwks is blank for " + issuer);
        }
    }

    /** A provider with the default algorithms and skew, no maximum age, discovery over https. */
    public static OidcProviderSettings of(String arn, String issuer, Set<String> clientIds) {
        return new OidcProviderSettings(arn, issuer, clientIds, DEFAULT_ALGORITHMS, DEFAULT_CLOCK_SKEW, Optional.empty(),
                Optional.empty(), false);
    }

    public OidcProviderSettings withAllowedAlgorithms(Set<String> algorithms) {
        return new OidcProviderSettings(arn, issuer, clientIds, algorithms, clockSkew, maxTokenAge, staticJwks,
                allowInsecureHttp);
    }

    public OidcProviderSettings withClockSkew(Duration skew) {
        return new OidcProviderSettings(arn, issuer, clientIds, allowedAlgorithms, skew, maxTokenAge, staticJwks,
                allowInsecureHttp);
    }

    public OidcProviderSettings withMaxTokenAge(Duration maxAge) {
        return new OidcProviderSettings(arn, issuer, clientIds, allowedAlgorithms, clockSkew, Optional.of(maxAge),
                staticJwks, allowInsecureHttp);
    }

    public OidcProviderSettings withStaticJwks(String jwks) {
        return new OidcProviderSettings(arn, issuer, clientIds, allowedAlgorithms, clockSkew, maxTokenAge,
                Optional.of(jwks), allowInsecureHttp);
    }

    /** The HOST/PATH part of the ARN: the prefix of this provider's condition keys ({@code HOST/PATH:aud}). */
    public String conditionKeyPrefix() {
        return arn.substring(arn.indexOf(":oidc-provider/") + ":oidc-provider/".length());
    }

    /** Whether {@code uri} may be fetched for this provider: https, or http on loopback or when allowed. */
    boolean permitsScheme(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return "https".equals(scheme) || "http".equals(scheme) && (allowInsecureHttp || isLoopback(uri.getHost()));
    }

    /** 127.0.0.0/8, ::1 and localhost, decided from the text alone (no DNS lookup). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static URI checkIssuer(String issuer, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("issuer is not a URL: " + issuer, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("issuer must be an absolute URL with a host and no query, fragment or"
                    + " user info: " + issuer);
        }
        if (scheme.equals("http")) {
            if (!allowInsecureHttp && !isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("issuer must use https (plain http only on a loopback host or with"
                        + " allowInsecureHttp): " + issuer);
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("issuer must use https: " + issuer);
        }
        return uri;
    }

    private static void checkArn(String arn, String issuer, URI uri) {
        var matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an oidc-provider ARN: " + arn);
        }
        String withoutScheme = issuer.substring(uri.getScheme().length() + "://".length());
        String resource = matcher.group(1);
        if (!resource.equals(withoutScheme) && !(resource + "/").equals(withoutScheme)) {
            throw new IllegalArgumentException("provider ARN " + arn + " does not name issuer " + issuer);
        }
    }

    private static void checkClientIds(Set<String> clientIds) {
        if (clientIds.isEmpty() || clientIds.size() > MAX_CLIENT_IDS) {
            throw new IllegalArgumentException("clientIds must hold 1 to " + MAX_CLIENT_IDS + " audiences, not "
                    + clientIds.size());
        }
        for (String clientId : clientIds) {
            if (clientId.isBlank() || clientId.length() > MAX_CLIENT_ID_LENGTH) {
                throw new IllegalArgumentException("a client id must be 1 to " + MAX_CLIENT_ID_LENGTH + " characters");
            }
        }
    }

    private static void checkAlgorithms(Set<String> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("allowedAlgorithms is empty");
        }
        for (String algorithm : algorithms) {
            if (algorithm.equalsIgnoreCase("none") || algorithm.toUpperCase(Locale.ROOT).startsWith("HS")) {
                throw new IllegalArgumentException("algorithm " + algorithm + " is never accepted for an external"
                        + " issuer (unsigned or symmetric)");
            }
            if (JwsAlgorithm.byName(algorithm) == null) {
                throw new IllegalArgumentException("unsupported algorithm " + algorithm + "; supported: "
                        + JwsAlgorithm.NAMES);
            }
        }
    }
}
