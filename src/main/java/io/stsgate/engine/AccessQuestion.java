package io.stsgate.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stsgate.policy.NamedPolicy;

/**
 * One thing a downstream service asks about a verified caller: may it do {@code action} on {@code resource}?
 *
 * @param action e.g. {@code s3:GetObject}
 * @param resource the resource ARN, e.g. {@code arn:aws:s3:::bucket/key}
 * @param resourceAccount the account that owns the resource, or null: the ARN's account, else the caller's own
 * @param resourcePolicies the resource's own policies (a bucket policy), already parsed; may be empty
 * @param contextKeys condition keys the service knows (e.g. {@code s3:prefix}); see {@link AccessEvaluator} for the
 *        {@code aws:} keys it may not set
 */
public record AccessQuestion(String action, String resource, String resourceAccount,
        List<NamedPolicy> resourcePolicies, Map<String, List<String>> contextKeys) {

    public AccessQuestion {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        resourcePolicies = resourcePolicies == null ? List.of() : List.copyOf(resourcePolicies);
        contextKeys = contextKeys == null ? Map.of() : Map.copyOf(contextKeys);
    }
}
