package io.stsgate.policy;

/** The result of testing one policy element against a request. */
enum Match {
    YES,
    NO,
    /**
     * A policy variable had no value, so the policy value is null: nothing equals or is like it. Condition clauses
     * read it as a positive no-match (an inverted operator then holds); a Resource pattern matches no resource.
     */
    UNDEFINED,
    /** The request carried a value the operator cannot interpret: the statement fails closed. */
    ERROR
}
