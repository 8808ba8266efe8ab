package io.stsgate.engine;

/** What a temporary credential stands for. */
public enum SessionKind {
    /** From AssumeRole and the federated AssumeRoleWith* actions. */
    ASSUMED_ROLE,
    /** From GetFederationToken. */
    FEDERATED_USER,
    /** From GetSessionToken: the IAM user itself, possibly with MFA. */
    USER_SESSION
}
