package io.stsgate.policy;

import java.util.List;

/** A statement's Action ({@code negated} false) or NotAction element. */
public record ActionSpec(boolean negated, List<ActionPattern> patterns) {

    public ActionSpec {
        patterns = List.copyOf(patterns);
    }

    /** Whether the statement covers the action. */
    boolean matches(String action) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(action)) {
                return !negated;
            }
        }
        return negated;
    }

    /** Same as {@link #matches(String)}; {@code lowerAction} is {@link ActionPattern#lowerAscii} of it, or null. */
    boolean matches(String action, String lowerAction) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(action, lowerAction)) {
                return !negated;
            }
        }
        return negated;
    }

    String elementName() {
        return negated ? "NotAction" : "Action";
    }
}
