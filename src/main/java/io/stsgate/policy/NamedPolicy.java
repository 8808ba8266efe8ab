package io.stsgate.policy;

import java.util.Objects;

/**
 * A parsed policy with the name explanations use, e.g. "inline policy 'p1'", a managed policy ARN,
 * "session policy" or "trust policy of arn:aws:iam::222222222222:role/x".
 */
public record NamedPolicy(String name, PolicyDocument document) {

    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
