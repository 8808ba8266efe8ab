package io.stsgate.engine;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.directory.Directory;
import io.stsgate.directory.ManagedPolicy;
import io.stsgate.directory.User;
import io.stsgate.policy.AuthorizationRequest;
import io.stsgate.policy.Decision;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.Outcome;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.RequestContext;

/**
 * What the caller itself may do: its identity policies (a user's, or its role's), narrowed by its session policies.
 * A federated-user session without a session policy may do nothing, as in AWS.
 */
final class CallerPermissions {

    private final Directory directory;
    private final PolicyEvaluator evaluator;
    private final SessionPolicies sessionPolicies;

    CallerPermissions(Directory directory, PolicyEvaluator evaluator, SessionPolicies sessionPolicies) {
        this.directory = directory;
        this.evaluator = evaluator;
        this.sessionPolicies = sessionPolicies;
    }

    Decision evaluate(Caller caller, String action, String resource, RequestContext context) {
        var request = new AuthorizationRequest(null, action, resource, context);
        CallerPolicies policies = policies(caller);
        if (policies.unusable() != null) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(), List.of(policies.unusable()));
        }
        if (policies.session().isEmpty()) {
            return evaluator.evaluate(policies.identity(), request);
        }
        return evaluator.evaluateSession(policies.identity(), policies.session(), request);
    }

    /**
     * The caller's identity policies (a user's, or its role's; inline and managed) and its session policies (inline
     * and {@code PolicyArns}; empty when it has none).
     *
     * @param unusable why the identity policies allow nothing, or null: the role or user is gone, or the caller is a
     *        federated-user session without a session policy
     */
    record CallerPolicies(List<NamedPolicy> identity, List<NamedPolicy> session, String unusable) {
    }

    CallerPolicies policies(Caller caller) {
        if (caller instanceof Caller.UserCaller u) {
            return new CallerPolicies(userPolicies(u.user()), List.of(), null);
        }
        SessionContext s = ((Caller.SessionCaller) caller).session();
        List<NamedPolicy> identity = switch (s.kind()) {
            case ASSUMED_ROLE -> directory.role(s.sourceArn()).map(r -> policies(r.inlinePolicies(),
                    r.managedPolicyArns())).orElse(null);
            case FEDERATED_USER, USER_SESSION -> directory.user(s.sourceArn()).map(this::userPolicies).orElse(null);
        };
        List<NamedPolicy> session = sessionPolicies.of(s);
        if (identity == null) {
            return new CallerPolicies(List.of(), session, "the session's "
                    + (s.kind() == SessionKind.ASSUMED_ROLE ? "role" : "user") + " " + s.sourceArn()
                    + " no longer exists");
        }
        if (s.kind() == SessionKind.FEDERATED_USER && !s.hasSessionPolicy()) {
            return new CallerPolicies(List.of(), session,
                    "a federated-user session without a session policy has no permissions");
        }
        return new CallerPolicies(identity, session, null);
    }

    private List<NamedPolicy> userPolicies(User user) {
        return policies(user.inlinePolicies(), user.managedPolicyArns());
    }

    private List<NamedPolicy> policies(List<NamedPolicy> inline, List<String> managedArns) {
        var all = new ArrayList<NamedPolicy>(inline);
        for (String arn : managedArns) {
            directory.managedPolicy(arn).map(ManagedPolicy::policy).ifPresent(all::add);
        }
        return all;
    }
}
