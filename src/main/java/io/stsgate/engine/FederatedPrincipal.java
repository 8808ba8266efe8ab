package io.stsgate.engine;

import java.util.List;
import java.util.Map;

/**
 * A caller proven by an identity provider (an OIDC token or a SAML assertion that passed every check), as the engine
 * sees it: no token types, only the facts trust policies test.
 *
 * @param providerArn the oidc-provider or saml-provider ARN, the trust policy's Federated principal
 * @param audience the audience the token was accepted for
 * @param conditionKeys fully qualified condition keys from the token, e.g. {@code host/realm:sub}, no two equal
 *        once case is ignored (the federation package builds them so)
 * @param tags session tags asserted by the provider (the AWS tags claim, SAML PrincipalTag attributes, tag rules)
 * @param sourceIdentity the source identity asserted by the provider, or null
 * @param maxDurationSeconds an upper bound on the session set by the provider, or null
 */
public record FederatedPrincipal(FederationKind kind, String providerArn, String issuer, String subject,
        String audience, Map<String, List<String>> conditionKeys, List<SessionTag> tags,
        List<String> transitiveTagKeys, String sourceIdentity, Integer maxDurationSeconds) {

    public FederatedPrincipal {
        conditionKeys = Map.copyOf(conditionKeys);
        tags = List.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    /** The same principal with {@code extra} tags, which replace its own tags of the same keys (case ignored). */
    public FederatedPrincipal withTags(List<SessionTag> extra) {
        var keys = new java.util.TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        extra.forEach(t -> keys.add(t.key()));
        var all = new java.util.ArrayList<SessionTag>();
        tags.stream().filter(t -> !keys.contains(t.key())).forEach(all::add);
        all.addAll(extra);
        var transitive = transitiveTagKeys.stream().filter(k -> !keys.contains(k)).toList();
        return new FederatedPrincipal(kind, providerArn, issuer, subject, audience, conditionKeys, all, transitive,
                sourceIdentity, maxDurationSeconds);
    }

    /** The same principal whose sessions last at most {@code seconds}. */
    public FederatedPrincipal withMaxDuration(int seconds) {
        int max = maxDurationSeconds == null ? seconds : Math.min(seconds, maxDurationSeconds);
        return new FederatedPrincipal(kind, providerArn, issuer, subject, audience, conditionKeys, tags,
                transitiveTagKeys, sourceIdentity, max);
    }

    /** The account that registered the provider. */
    public String providerAccount() {
        return providerArn.split(":", 6)[4];
    }
}
