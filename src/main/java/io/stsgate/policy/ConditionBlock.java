package io.stsgate.policy;

import java.util.List;

/** A statement's Condition element: every clause must hold (operators and keys are ANDed). */
public record ConditionBlock(List<ConditionClause> clauses) {

    public static final ConditionBlock NONE = new ConditionBlock(List.of());

    public ConditionBlock {
        clauses = List.copyOf(clauses);
    }
}
