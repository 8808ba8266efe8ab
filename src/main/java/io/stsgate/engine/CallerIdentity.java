package io.stsgate.engine;

/** The answer to GetCallerIdentity. */
public record CallerIdentity(String userId, String account, String arn) {
}
