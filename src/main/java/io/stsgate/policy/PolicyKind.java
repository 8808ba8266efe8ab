package io.stsgate.policy;

/** Which kind of policy a document is parsed as; it decides whether Principal is required or forbidden. */
public enum PolicyKind {
    /** Identity or session policy: no Principal/NotPrincipal, Resource/NotResource required. */
    IDENTITY,
    /** Trust (resource-based) policy: every statement names a Principal or NotPrincipal. */
    TRUST,
    /** Either kind; the evaluator checks the rules of the kind it evaluates. */
    ANY
}
