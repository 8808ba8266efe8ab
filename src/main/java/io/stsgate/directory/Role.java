package io.stsgate.directory;

import java.util.List;
import java.util.Map;

import io.stsgate.policy.NamedPolicy;

/** A role: who may assume it (trust policy) and what its sessions may do (permission policies). */
public record Role(String accountId, String path, String name, String roleId, NamedPolicy trustPolicy,
        List<NamedPolicy> inlinePolicies, List<String> managedPolicyArns, int maxSessionDuration,
        Map<String, String> tags) {

    public static final int MIN_MAX_SESSION_DURATION = 3600;
    public static final int MAX_MAX_SESSION_DURATION = 43200;

    public Role {
        inlinePolicies = List.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        tags = Map.copyOf(tags);
    }

    /** A role; {@code roleId} null for one never stored, which gets the id derived from its ARN. */
    public static Role of(String accountId, String path, String name, String roleId, NamedPolicy trustPolicy,
            List<NamedPolicy> inlinePolicies, List<String> managedPolicyArns, int maxSessionDuration,
            Map<String, String> tags) {
        return new Role(accountId, path, name,
                roleId != null ? roleId : UniqueIds.legacyRoleId(Arns.role(accountId, path, name)), trustPolicy,
                inlinePolicies, managedPolicyArns, maxSessionDuration, tags);
    }

    public String arn() {
        return Arns.role(accountId, path, name);
    }
}
