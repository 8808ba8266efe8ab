package io.stsgate.policy;

/**
 * Points at one statement of one policy.
 *
 * @param policy the {@link NamedPolicy#name()}
 * @param statement the Sid, or {@code #<index>} when the statement has none
 */
public record StatementRef(String policy, String statement) {

    @Override
    public String toString() {
        return policy + "/" + statement;
    }
}
