package io.stsgate.policy;

/**
 * Bounds on a policy document, so hostile input costs at most linear time and bounded memory.
 *
 * @param maxChars the longest accepted document, in characters
 * @param maxStatements the most statements one document may hold
 * @param maxDepth the deepest JSON nesting accepted
 */
public record PolicyLimits(int maxChars, int maxStatements, int maxDepth) {

    /** 128 KiB characters, 512 statements, 16 levels: far above what IAM itself accepts. */
    public static final PolicyLimits DEFAULT = new PolicyLimits(128 * 1024, 512, 16);

    public PolicyLimits {
        if (maxChars < 1 || maxStatements < 1 || maxDepth < 4) {
            throw new IllegalArgumentException("policy limits must be positive and allow a depth of at least 4");
        }
    }
}
