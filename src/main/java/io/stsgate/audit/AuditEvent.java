package io.stsgate.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audit event per request that reaches the pipeline, success or failure. Holds who asked for what, what happened
 * and why; never tokens, assertions or secrets (an issued access key id is an identifier, not a secret).
 *
 * @param occurrences how many requests the event stands for: 1, or more for an aggregate of unauthenticated refusals
 *        (see {@link RefusalAggregation})
 */
public record AuditEvent(Instant time, String requestId, String action, Outcome outcome, ReasonCode reason,
        String errorCode, String detail, String principal, String subject, String issuer, String roleArn,
        String sessionName, String sourceIdentity, Integer durationSeconds, Map<String, String> tags,
        String issuedAccessKeyId, String sourceIp, String userAgent, int occurrences) {

    /** The event of one request. */
    public AuditEvent(Instant time, String requestId, String action, Outcome outcome, ReasonCode reason,
            String errorCode, String detail, String principal, String subject, String issuer, String roleArn,
            String sessionName, String sourceIdentity, Integer durationSeconds, Map<String, String> tags,
            String issuedAccessKeyId, String sourceIp, String userAgent) {
        this(time, requestId, action, outcome, reason, errorCode, detail, principal, subject, issuer, roleArn,
                sessionName, sourceIdentity, durationSeconds, tags, issuedAccessKeyId, sourceIp, userAgent, 1);
    }

    public enum Outcome {
        SUCCESS,
        FAILURE
    }
}
