package io.stsgate.directory;

import java.util.List;
import java.util.Map;

import io.stsgate.policy.NamedPolicy;

/** An IAM-style user with long-term keys. Its permission policies are already parsed. */
public record User(String accountId, String path, String name, String userId, Map<String, String> tags,
        List<NamedPolicy> inlinePolicies, List<String> managedPolicyArns) {

    public User {
        tags = Map.copyOf(tags);
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }

    /** A user; {@code userId} null for one never stored, which gets the id derived from its ARN. */
    public static User of(String accountId, String path, String name, String userId, Map<String, String> tags,
            List<NamedPolicy> inlinePolicies, List<String> managedPolicyArns) {
        return new User(accountId, path, name,
                userId != null ? userId : UniqueIds.legacyUserId(Arns.user(accountId, path, name)), tags,
                inlinePolicies, managedPolicyArns);
    }

    public String arn() {
        return Arns.user(accountId, path, name);
    }
}
