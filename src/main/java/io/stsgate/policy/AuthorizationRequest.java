package io.stsgate.policy;

/**
 * One request to authorize.
 *
 * @param principal the caller; required for trust policies, may be null for identity policies
 * @param action e.g. {@code sts:AssumeRoleWithWebIdentity}
 * @param resource the resource ARN, e.g. the role being assumed
 * @param context the condition keys; null means none
 */
public record AuthorizationRequest(RequestPrincipal principal, String action, String resource, RequestContext context) {

    public AuthorizationRequest {
        context = context == null ? RequestContext.empty() : context;
    }
}
