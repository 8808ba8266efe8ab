package io.stsgate.policy;

/** Which kind of policy a document is parsed as; it decides whether Principal is required or forbidden. */
public enum PolicyKind {
    /** Identity or session policy: no Principal/NotPrincipal, Resource/NotResource required. */
    IDENTITY,
    /** Role trust policy: every statement names a Principal; NotPrincipal is refused, as AWS refuses it there. */
    TRUST,
    /**
     * Either kind (and resource-based policies, where a Deny may use NotPrincipal); the evaluator checks the rules
     * of the kind it evaluates. NotPrincipal with Allow is refused: AWS supports it nowhere.
     */
    ANY
}
