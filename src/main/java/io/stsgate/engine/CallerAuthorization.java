package io.stsgate.engine;

import java.util.List;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.Role;
import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.RequestContext;
import io.stsgate.policy.RequestPrincipal;

/**
 * What a signed caller may do: its own permissions, and a role's trust policy towards it. A refusal carries AWS's
 * message with the encoded authorization failure, and the reason for the audit.
 */
final class CallerAuthorization {

    private final PolicyEvaluator evaluator;
    private final CallerPermissions permissions;
    private final AuthorizationMessages authorizationMessages;

    CallerAuthorization(PolicyEvaluator evaluator, CallerPermissions permissions,
            AuthorizationMessages authorizationMessages) {
        this.evaluator = evaluator;
        this.permissions = permissions;
        this.authorizationMessages = authorizationMessages;
    }

    /**
     * Both the caller's own permissions and the role's trust policy must allow the action. A trust policy of the
     * caller's own account is explained in the encoded message; another account's is not, so its denial reads like a
     * role that does not exist.
     */
    void authorize(Caller caller, String action, Role role, RequestContext ctx) {
        requireCallerPermission(caller, action, role.arn(), ctx);
        var request = new AuthorizationRequest(principalOf(caller), action, role.arn(), ctx);
        Decision trust = evaluator.evaluateTrust(role.trustPolicy(), request);
        if (!trust.allowed()) {
            if (role.accountId().equals(caller.accountId())) {
                throw denied(caller, action, role.arn(), trust, ReasonCode.TRUST_POLICY_DENIED);
            }
            throw roleRefused(caller, action, role.arn(), ReasonCode.TRUST_POLICY_DENIED, "trust policy: "
                    + trust.outcome() + "; " + String.join("; ", trust.reasons()));
        }
    }

    /** A missing role, or another account's trust policy: the same answer, the difference kept for the audit. */
    StsException roleRefused(Caller caller, String action, String resource, ReasonCode reason, String detail) {
        String encoded = authorizationMessages.encodeWithoutReasons(caller.arn(), action, resource);
        return new StsException(ErrorCode.ACCESS_DENIED, reason,
                notAuthorized(caller, action, resource) + " Encoded authorization failure message: " + encoded,
                detail);
    }

    void requireCallerPermission(Caller caller, String action, String resource, RequestContext ctx) {
        Decision own = permissions.evaluate(caller, action, resource, ctx);
        if (!own.allowed()) {
            throw denied(caller, action, resource, own, ReasonCode.CALLER_NOT_PERMITTED);
        }
    }

    private StsException denied(Caller caller, String action, String resource, Decision decision,
            ReasonCode reason) {
        String encoded = authorizationMessages.encode(decision, caller.arn(), action, resource);
        String detail = (reason == ReasonCode.TRUST_POLICY_DENIED ? "trust policy: " : "caller's policies: ")
                + decision.outcome() + "; " + String.join("; ", decision.reasons());
        return new StsException(ErrorCode.ACCESS_DENIED, reason,
                notAuthorized(caller, action, resource) + " Encoded authorization failure message: " + encoded,
                detail);
    }

    static String notAuthorized(Caller caller, String action, String resource) {
        return "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource;
    }

    static void refuseFederatedUsers(Caller caller, String action) {
        if (caller instanceof Caller.SessionCaller s && s.session().kind() == SessionKind.FEDERATED_USER) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.CALLER_TYPE_NOT_ALLOWED,
                    notAuthorized(caller, action, "*"), "federated-user sessions may only call GetCallerIdentity");
        }
    }

    /** The caller as Principal elements see it: its ARN, a role session also as its role, its account. */
    static RequestPrincipal principalOf(Caller caller) {
        List<String> also = caller instanceof Caller.SessionCaller s
                && s.session().kind() == SessionKind.ASSUMED_ROLE ? List.of(s.session().sourceArn()) : List.of();
        return new RequestPrincipal("AWS", caller.arn(), caller.accountId(), also);
    }
}
