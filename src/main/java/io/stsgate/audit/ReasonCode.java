package io.stsgate.audit;

/** The precise reason of an outcome, for the audit trail and administrators; never shown to callers as such. */
public enum ReasonCode {
    ISSUED,
    ANSWERED,
    INVALID_PARAMETER,
    MALFORMED_POLICY,
    PACKED_POLICY_TOO_LARGE,
    /** The session token would exceed the bound clients and proxies accept back (CredentialMint). */
    SESSION_TOKEN_TOO_LARGE,
    UNKNOWN_ACTION,
    BODY_TOO_LARGE,
    /** An HTTP/1.1 request without a Host header. */
    HOST_MISSING,
    /**
     * Over a throttling limit (per source address or per caller). Sampled: the audit trail keeps a bounded number of
     * these events, each saying how many went unrecorded before it.
     */
    THROTTLED,
    SIGNATURE_MISSING,
    SIGNATURE_MALFORMED,
    SIGNATURE_INVALID,
    SIGNATURE_EXPIRED,
    UNKNOWN_ACCESS_KEY,
    ACCESS_KEY_INACTIVE,
    SESSION_TOKEN_INVALID,
    SESSION_TOKEN_EXPIRED,
    /** The temporary credential itself was revoked (access-key scope). */
    CREDENTIAL_REVOKED,
    /** The session's role had its sessions issued before a time revoked. */
    ROLE_SESSIONS_REVOKED,
    /** The session's subject (IAM user at the chain's start, or federated subject) had its sessions revoked. */
    SUBJECT_SESSIONS_REVOKED,
    /** The session's source identity had its sessions revoked. */
    SOURCE_IDENTITY_SESSIONS_REVOKED,
    /** The role or user the session was issued for no longer exists. */
    SESSION_PRINCIPAL_DELETED,
    /** The role or user the session was issued for was deleted and created again: same ARN, another unique id. */
    SESSION_PRINCIPAL_REPLACED,
    ROLE_NOT_FOUND,
    CALLER_NOT_PERMITTED,
    /** Decision API: the caller's policies allow the action a service asked about. */
    DECISION_ALLOWED,
    /** Decision API: a statement denies the action explicitly, or a policy failed to evaluate. */
    DECISION_EXPLICIT_DENY,
    /** Decision API: no statement allows the action. */
    DECISION_IMPLICIT_DENY,
    TRUST_POLICY_DENIED,
    CALLER_TYPE_NOT_ALLOWED,
    DURATION_EXCEEDS_ROLE_MAXIMUM,
    DURATION_EXCEEDS_CHAINING_LIMIT,
    MFA_DEVICE_UNKNOWN,
    MFA_CODE_INVALID,
    MFA_CODE_REUSED,
    /** Too many refused codes: the device is locked and every code is refused unchecked until the lock ends. */
    MFA_DEVICE_LOCKED,
    SOURCE_IDENTITY_IMMUTABLE,
    TAG_CONFLICT,
    /** A session tag breaks AWS's tag rules (characters, lengths, the aws: prefix, at most 50). */
    TAG_INVALID,
    POLICY_ARN_UNKNOWN,
    AUTHORIZATION_MESSAGE_INVALID,
    PROVIDER_NOT_IN_ROLE_ACCOUNT,
    TOKEN_MALFORMED,
    TOKEN_UNKNOWN_ISSUER,
    TOKEN_ALGORITHM_NOT_ALLOWED,
    TOKEN_UNKNOWN_KEY,
    TOKEN_KEY_ID_INVALID,
    TOKEN_WEAK_KEY,
    TOKEN_BAD_SIGNATURE,
    TOKEN_EXPIRED,
    TOKEN_NOT_YET_VALID,
    TOKEN_ISSUED_IN_FUTURE,
    TOKEN_TOO_OLD,
    TOKEN_MISSING_AUDIENCE,
    TOKEN_WRONG_AUDIENCE,
    TOKEN_MISSING_SUBJECT,
    TOKEN_TOO_LARGE,
    TOKEN_CLAIMS_INVALID,
    /** Two claims name one condition key once case is ignored or a dotted name meets a nested path. */
    TOKEN_CLAIM_NAME_COLLISION,
    IDP_UNREACHABLE,
    /** Container credentials: the request carries no Authorization header, or more than one. */
    WORKLOAD_TOKEN_MISSING,
    /** Container credentials: no workload association for the token's provider and subject, and no role in the path. */
    WORKLOAD_NOT_ASSOCIATED,
    /** Container credentials: the path names another role than the association of the token's subject. */
    WORKLOAD_ROLE_MISMATCH,
    SAML_PROVIDER_UNKNOWN,
    SAML_INVALID,
    SAML_EXPIRED,
    SAML_REPLAYED,
    SAML_SIGNATURE_INVALID,
    SAML_ROLE_NOT_ASSERTED,
    SAML_ATTRIBUTES_INVALID,
    /** Two attributes, or an attribute and an element AWS reads, name one condition key once case is ignored. */
    SAML_ATTRIBUTE_NAME_COLLISION,
    /** The Response answers an AuthnRequest stsgate did not make, made for another provider, or with another RelayState. */
    SAML_REQUEST_UNMATCHED,
    INTERNAL_ERROR,
    /** The store did not answer within stsgate.store.timeout, or is known to be down: the caller may retry. */
    STORE_UNAVAILABLE
}
