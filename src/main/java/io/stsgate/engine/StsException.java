package io.stsgate.engine;

import io.stsgate.audit.ReasonCode;

/**
 * The single exception of the issuance pipeline, thrown once at the boundary where a check fails. The client sees
 * {@link #code()} and the safe {@link #getMessage()}; the audit trail also gets {@link #reason()} and
 * {@link #detail()}, which may name claims, conditions and policies but never secrets or token contents.
 */
public final class StsException extends RuntimeException {

    private final ErrorCode code;
    private final ReasonCode reason;
    private final String detail;

    public StsException(ErrorCode code, ReasonCode reason, String clientMessage, String detail) {
        super(clientMessage, null, false, false);
        this.code = code;
        this.reason = reason;
        this.detail = detail;
    }

    public StsException(ErrorCode code, ReasonCode reason, String clientMessage) {
        this(code, reason, clientMessage, clientMessage);
    }

    public static StsException validation(String message) {
        return new StsException(ErrorCode.VALIDATION_ERROR, ReasonCode.INVALID_PARAMETER, message);
    }

    public ErrorCode code() {
        return code;
    }

    public ReasonCode reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
