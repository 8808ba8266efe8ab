package io.stsgate.policy;

/** The result of evaluation. An evaluation error is reported as {@link #EXPLICIT_DENY}: nothing overrides it. */
public enum Outcome {
    ALLOW,
    EXPLICIT_DENY,
    IMPLICIT_DENY
}
