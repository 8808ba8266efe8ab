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
        if (caller instanceof Caller.UserCaller u) {
            return evaluator.evaluate(userPolicies(u.user()), request);
        }
        return session(((Caller.SessionCaller) caller).session(), request);
    }

    private Decision session(SessionContext s, AuthorizationRequest request) {
        List<NamedPolicy> identity = switch (s.kind()) {
            case ASSUMED_ROLE -> directory.role(s.sourceArn()).map(r -> policies(r.inlinePolicies(),
                    r.managedPolicyArns())).orElse(null);
            case FEDERATED_USER, USER_SESSION -> directory.user(s.sourceArn()).map(this::userPolicies).orElse(null);
        };
        if (identity == null) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(),
                    List.of("the session's " + (s.kind() == SessionKind.ASSUMED_ROLE ? "role" : "user") + " "
                            + s.sourceArn() + " no longer exists"));
        }
        if (s.kind() == SessionKind.FEDERATED_USER && !s.hasSessionPolicy()) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(),
                    List.of("a federated-user session without a session policy has no permissions"));
        }
        return evaluator.evaluateSession(identity, sessionPolicies.of(s), request);
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
