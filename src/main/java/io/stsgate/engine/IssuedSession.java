package io.stsgate.engine;

/** The outcome of a successful issuance: credentials, what they stand for, and the packed policy size if any. */
public record IssuedSession(TemporaryCredentials credentials, SessionContext session, Integer packedPolicySize) {
}
