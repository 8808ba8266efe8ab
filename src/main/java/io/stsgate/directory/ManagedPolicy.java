package io.stsgate.directory;

import io.stsgate.policy.NamedPolicy;

/** A customer-managed policy, attachable to users and roles and usable as a session policy ARN. */
public record ManagedPolicy(String arn, NamedPolicy policy) {
}
