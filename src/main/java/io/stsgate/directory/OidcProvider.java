package io.stsgate.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenID Connect identity provider trusted by an account: tokens whose {@code iss} equals {@link #issuer()}
 * exactly, for one of {@link #clientIds()}, verified only with this provider's keys.
 *
 * @param tagClaims beyond AWS: session tag key to the claim path whose value becomes that tag
 */
public record OidcProvider(String accountId, String issuer, List<String> clientIds, List<String> allowedAlgorithms,
        Duration clockSkew, Optional<Duration> maxTokenAge, Optional<String> staticJwks, boolean allowInsecureHttp,
        Map<String, String> tagClaims) {

    public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384",
            "PS512", "ES256", "ES384", "ES512", "EdDSA");
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.copyOf(DEFAULT_ALGORITHMS);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public OidcProvider {
        clientIds = List.copyOf(clientIds);
        allowedAlgorithms = List.copyOf(allowedAlgorithms);
        tagClaims = Map.copyOf(tagClaims);
    }

    /** The issuer without its scheme: host, port when given, and path, as IAM names providers. */
    public String hostAndPath() {
        return IssuerUrls.hostAndPathOrRaw(issuer);
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + hostAndPath();
    }
}
