package io.stsgate.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit event of one request while it is being handled: each step adds what it learned, and the boundary turns it
 * into exactly one {@link AuditEvent} whatever the outcome.
 */
public final class AuditDraft {

    private final String requestId;
    private final String sourceIp;
    private final String userAgent;
    private String action;
    private String principal;
    private String subject;
    private String issuer;
    private String roleArn;
    private String sessionName;
    private String sourceIdentity;
    private Integer durationSeconds;
    private Map<String, String> tags = Map.of();
    private String issuedAccessKeyId;

    public AuditDraft(String requestId, String sourceIp, String userAgent) {
        this.requestId = requestId;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
    }

    public String requestId() {
        return requestId;
    }

    /** The action, once the request named a known one. */
    public String action() {
        return action;
    }

    public AuditDraft action(String value) {
        this.action = value;
        return this;
    }

    public AuditDraft principal(String value) {
        this.principal = value;
        return this;
    }

    public AuditDraft subject(String value) {
        this.subject = value;
        return this;
    }

    public AuditDraft issuer(String value) {
        this.issuer = value;
        return this;
    }

    public AuditDraft role(String value) {
        this.roleArn = value;
        return this;
    }

    public AuditDraft sessionName(String value) {
        this.sessionName = value;
        return this;
    }

    public AuditDraft sourceIdentity(String value) {
        this.sourceIdentity = value;
        return this;
    }

    public AuditDraft duration(Integer seconds) {
        this.durationSeconds = seconds;
        return this;
    }

    public AuditDraft tags(Map<String, String> value) {
        this.tags = new LinkedHashMap<>(value);
        return this;
    }

    public AuditDraft issued(String accessKeyId) {
        this.issuedAccessKeyId = accessKeyId;
        return this;
    }

    public AuditEvent success(Instant time, ReasonCode reason) {
        return event(time, AuditEvent.Outcome.SUCCESS, reason, null, null);
    }

    /** A success that has something to say, e.g. the statements that allowed a decision. */
    public AuditEvent success(Instant time, ReasonCode reason, String detail) {
        return event(time, AuditEvent.Outcome.SUCCESS, reason, null, detail);
    }

    public AuditEvent failure(Instant time, ReasonCode reason, String errorCode, String detail) {
        return event(time, AuditEvent.Outcome.FAILURE, reason, errorCode, detail);
    }

    private AuditEvent event(Instant time, AuditEvent.Outcome outcome, ReasonCode reason, String errorCode,
            String detail) {
        return new AuditEvent(time, requestId, action, outcome, reason, errorCode, detail, principal, subject, issuer,
                roleArn, sessionName, sourceIdentity, durationSeconds, tags, issuedAccessKeyId, sourceIp, userAgent);
    }
}
