package io.stsgate.policy;

/**
 * One statement of a policy.
 *
 * @param index position in the document, from 0
 * @param sid the Sid, or null
 * @param principal Principal or NotPrincipal, or null when the statement has neither
 * @param action Action or NotAction
 * @param resource Resource or NotResource, or null when the statement has neither
 * @param condition the Condition element, {@link ConditionBlock#NONE} when absent
 */
public record Statement(int index, String sid, Effect effect, PrincipalSpec principal, ActionSpec action,
        ResourceSpec resource, ConditionBlock condition) {

    /** The Sid, or {@code #<index>} when there is none: the statement part of a {@link StatementRef}. */
    public String label() {
        return sid != null ? sid : "#" + index;
    }

    /** "'Sid'" or "#index", for explanations. */
    String displayName() {
        return sid != null ? "'" + PolicyText.quote(sid) + "'" : "#" + index;
    }
}
