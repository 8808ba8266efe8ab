package io.stsgate.api.container;

import io.stsgate.engine.ErrorCode;

/**
 * The one table of the endpoint's errors: the status and code (EKS Pod Identity's names) for each engine error. SDKs
 * retry 5xx and give up on 4xx, so only stsgate's own trouble (the store, an unreachable IdP) is 5xx; a throttled
 * workload gets 429 and keeps its cached credentials until it asks again.
 */
enum ContainerError {
    INVALID_REQUEST(400, "InvalidRequestException"),
    INVALID_TOKEN(401, "InvalidTokenException"),
    EXPIRED_TOKEN(401, "ExpiredTokenException"),
    ACCESS_DENIED(403, "AccessDeniedException"),
    THROTTLING(429, "ThrottlingException"),
    INTERNAL(500, "InternalServerException"),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableException");

    private final int status;
    private final String code;

    ContainerError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ContainerError of(ErrorCode engine) {
        return switch (engine) {
            case INVALID_IDENTITY_TOKEN, MISSING_AUTHENTICATION_TOKEN -> INVALID_TOKEN;
            case EXPIRED_TOKEN_EXCEPTION -> EXPIRED_TOKEN;
            case ACCESS_DENIED, IDP_REJECTED_CLAIM -> ACCESS_DENIED;
            case THROTTLING -> THROTTLING;
            case IDP_COMMUNICATION_ERROR, SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
            case INTERNAL_FAILURE -> INTERNAL;
            default -> engine.httpStatus() >= 500 ? INTERNAL : INVALID_REQUEST;
        };
    }
}
