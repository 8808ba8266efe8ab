package io.stsgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * Who makes a request, as trust policies see it.
 *
 * @param type "AWS", "Federated" or "Service"
 * @param arn the principal's ARN (an oidc-provider or saml-provider ARN for Federated, a service name
 *        for Service)
 * @param account the 12-digit account, or null for Federated and Service
 * @param alsoMatches further identifiers this principal answers to, e.g. the role ARN of an
 *        assumed-role session
 */
public record RequestPrincipal(String type, String arn, String account, List<String> alsoMatches) {

    public static final String AWS = "AWS";
    public static final String FEDERATED = "Federated";
    public static final String SERVICE = "Service";

    public RequestPrincipal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        alsoMatches = alsoMatches == null ? List.of() : List.copyOf(alsoMatches);
    }
}
