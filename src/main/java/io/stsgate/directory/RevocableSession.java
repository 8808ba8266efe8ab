package io.stsgate.directory;

import java.time.Instant;
import java.util.List;

/**
 * The facts of a temporary credential a revocation can match, without the engine's session type.
 *
 * @param roleArn the role of an assumed-role session, or null
 * @param subjects the IAM user at the start of the chain and/or {@code <provider ARN>#<subject>}; may be empty
 * @param sourceIdentity or null
 */
public record RevocableSession(String accessKeyId, String roleArn, List<String> subjects, String sourceIdentity,
        Instant issuedAt) {

    public RevocableSession {
        subjects = List.copyOf(subjects);
    }
}
