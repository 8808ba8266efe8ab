package io.stsgate.directory;

import java.util.List;

import io.stsgate.policy.NamedPolicy;

/**
 * A bucket the directory declares (beyond IAM: S3 keeps it): the account that owns it and its bucket policy, which the S3
 * mapping passes
 * along with every question about it (so cross-account access needs both sides, as on AWS). A bucket the directory does
 * not declare belongs to the caller's account and has no policy.
 */
public record Bucket(String name, String account, List<NamedPolicy> policies) {

    public Bucket {
        policies = List.copyOf(policies);
    }
}
