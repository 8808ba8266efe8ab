package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates parsed policies: an explicit deny beats an allow, an allow beats the implicit deny, and an
 * evaluation error denies (reported as {@link Outcome#EXPLICIT_DENY}, since nothing may override it).
 * Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    /** How many non-applying statements an implicit denial explains before it summarises. */
    private static final int MAX_EXPLAINED = 20;

    /** Identity policies only: statements must not carry Principal and must name a Resource. */
    public Decision evaluate(List<NamedPolicy> policies, AuthorizationRequest request) {
        Objects.requireNonNull(policies, "policies");
        String invalid = invalidRequest(request, false);
        if (invalid != null) {
            return failure(invalid);
        }
        return combine(request, PolicySetResult.evaluate(policies, request, Scope.IDENTITY), null);
    }

    /**
     * A role trust policy: a statement applies only when its Principal matches {@code request.principal()}, which
     * is required; a NotPrincipal statement (the parser refuses them in trust policies) is an evaluation error.
     */
    public Decision evaluateTrust(NamedPolicy trustPolicy, AuthorizationRequest request) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        String invalid = invalidRequest(request, true);
        if (invalid != null) {
            return failure(invalid);
        }
        return combine(request, PolicySetResult.evaluate(List.of(trustPolicy), request, Scope.TRUST), null);
    }

    /**
     * Each statement of a trust policy and what it said about {@code request}: the same checks as
     * {@link #evaluateTrust}, kept per statement for the explain endpoint (slower; not for the request path).
     */
    public List<StatementVerdict> explainTrust(NamedPolicy trustPolicy, AuthorizationRequest request) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        if (invalidRequest(request, true) != null) {
            return List.of();
        }
        String lowerAction = ActionPattern.lowerAscii(request.action());
        List<StatementVerdict> verdicts = new ArrayList<>();
        for (Statement statement : trustPolicy.document().statements()) {
            StatementCheck.Verdict verdict = StatementCheck.check(statement, request, lowerAction, Scope.TRUST);
            String reason = verdict == StatementCheck.Verdict.APPLIES ? null
                    : StatementCheck.explain(statement, request, Scope.TRUST);
            StatementVerdict.Applicability applicability = switch (verdict) {
                case APPLIES -> StatementVerdict.Applicability.APPLIES;
                case NOT_APPLICABLE -> StatementVerdict.Applicability.NOT_APPLICABLE;
                case ERROR -> StatementVerdict.Applicability.ERROR;
            };
            verdicts.add(new StatementVerdict(new StatementRef(trustPolicy.name(), statement.label()),
                    statement.index(), statement.effect(), applicability, reason,
                    StatementCheck.failingClause(statement, request, reason),
                    verdict == StatementCheck.Verdict.APPLIES ? StatementCheck.nullVariableMatches(statement, request)
                            : null));
        }
        return verdicts;
    }

    /**
     * Identity policies cut by session policies: allowed when nothing denies, an identity policy
     * allows, and a session policy allows too (unless there are no session policies).
     */
    public Decision evaluateSession(List<NamedPolicy> identityPolicies, List<NamedPolicy> sessionPolicies,
            AuthorizationRequest request) {
        Objects.requireNonNull(identityPolicies, "identityPolicies");
        Objects.requireNonNull(sessionPolicies, "sessionPolicies");
        String invalid = invalidRequest(request, false);
        if (invalid != null) {
            return failure(invalid);
        }
        PolicySetResult identity = PolicySetResult.evaluate(identityPolicies, request, Scope.IDENTITY);
        PolicySetResult session = sessionPolicies.isEmpty() ? null
                : PolicySetResult.evaluate(sessionPolicies, request, Scope.SESSION);
        return combine(request, identity, session);
    }

    /**
     * A request on a resource that carries its own policy (a bucket policy, say), by AWS's evaluation logic without
     * organisations or permissions boundaries: an explicit deny anywhere wins; within the resource's account an allow
     * from the identity policies (cut by the session policies) or from the resource policy suffices; across accounts
     * both must allow. A same-account resource policy that names the session or user ARN itself is not narrowed by
     * session policies; one that allows through the role ARN or the account is, as in AWS.
     *
     * @param sessionPolicies the session's policies; empty when it has none (then nothing narrows identity policies)
     * @param resourcePolicies the resource's policies; statements need a Principal or NotPrincipal
     * @param sameAccount whether the resource belongs to the principal's account
     * @param request its principal is required (resource policies match it)
     */
    public Decision evaluateWithResource(List<NamedPolicy> identityPolicies, List<NamedPolicy> sessionPolicies,
            List<NamedPolicy> resourcePolicies, boolean sameAccount, AuthorizationRequest request) {
        Objects.requireNonNull(identityPolicies, "identityPolicies");
        Objects.requireNonNull(sessionPolicies, "sessionPolicies");
        Objects.requireNonNull(resourcePolicies, "resourcePolicies");
        String invalid = invalidRequest(request, true);
        if (invalid != null) {
            return failure(invalid);
        }
        PolicySetResult identity = PolicySetResult.evaluate(identityPolicies, request, Scope.IDENTITY);
        PolicySetResult session = sessionPolicies.isEmpty() ? null
                : PolicySetResult.evaluate(sessionPolicies, request, Scope.SESSION);
        PolicySetResult resource = PolicySetResult.evaluate(resourcePolicies, request, Scope.RESOURCE);
        List<StatementRef> refs = new ArrayList<>(4);
        List<String> reasons = new ArrayList<>(4);
        if (identity.failed() || identity.denied() || (session != null && (session.failed() || session.denied()))
                || resource.failed() || resource.denied()) {
            identity.addDenials(request, refs, reasons);
            if (session != null) {
                session.addDenials(request, refs, reasons);
            }
            resource.addDenials(request, refs, reasons);
            return new Decision(Outcome.EXPLICIT_DENY, refs, reasons);
        }
        boolean sessionAllows = session == null || session.allowed();
        boolean identityAllows = identity.allowed() && sessionAllows;
        if (sameAccount && identityAllows) {
            identity.addAllows(refs);
            if (session != null) {
                session.addAllows(refs);
            }
            return new Decision(Outcome.ALLOW, refs, List.of());
        }
        if (sameAccount && resource.allowed() && (sessionAllows || namesPrincipalDirectly(resourcePolicies, request))) {
            resource.addAllows(refs);
            if (session != null && sessionAllows) {
                session.addAllows(refs);
            }
            return new Decision(Outcome.ALLOW, refs, List.of());
        }
        if (!sameAccount && identityAllows && resource.allowed()) {
            identity.addAllows(refs);
            if (session != null) {
                session.addAllows(refs);
            }
            resource.addAllows(refs);
            return new Decision(Outcome.ALLOW, refs, List.of());
        }
        if (!sameAccount) {
            reasons.add("cross-account request: an identity policy and the resource policy must both allow");
        }
        explainMiss(request, identity, reasons);
        if (session != null) {
            explainMiss(request, session, reasons);
        }
        explainMiss(request, resource, reasons);
        if (sameAccount && resource.allowed() && !sessionAllows) {
            reasons.add("the resource policy allows the role or account, not this session itself, so the session"
                    + " policy must allow too");
        }
        return new Decision(Outcome.IMPLICIT_DENY, List.of(), reasons);
    }

    /** Whether a resource policy allows the principal named by its own ARN, not through its role or account. */
    private static boolean namesPrincipalDirectly(List<NamedPolicy> resourcePolicies, AuthorizationRequest request) {
        RequestPrincipal principal = request.principal();
        var direct = new AuthorizationRequest(new RequestPrincipal(principal.type(), principal.arn(), null, List.of()),
                request.action(), request.resource(), request.context());
        return PolicySetResult.evaluate(resourcePolicies, direct, Scope.RESOURCE).allowed();
    }

    private static String invalidRequest(AuthorizationRequest request, boolean principalRequired) {
        if (request == null) {
            return "evaluation error: no request";
        }
        if (request.action() == null) {
            return "evaluation error: the request names no action";
        }
        if (principalRequired && request.principal() == null) {
            return "evaluation error: a trust policy needs the request principal";
        }
        return null;
    }

    private static Decision failure(String reason) {
        return new Decision(Outcome.EXPLICIT_DENY, List.of(), List.of(reason));
    }

    private static Decision combine(AuthorizationRequest request, PolicySetResult first, PolicySetResult second) {
        boolean denied = first.failed() || first.denied()
                || (second != null && (second.failed() || second.denied()));
        if (!denied && second == null && first.allowed()) {
            // The common allow: the deciding statements are the allows, copied once by Decision.
            return new Decision(Outcome.ALLOW, first.allows(), List.of());
        }
        List<StatementRef> refs = new ArrayList<>(4);
        List<String> reasons = new ArrayList<>(4);
        if (denied) {
            first.addDenials(request, refs, reasons);
            if (second != null) {
                second.addDenials(request, refs, reasons);
            }
            return new Decision(Outcome.EXPLICIT_DENY, refs, reasons);
        }
        boolean allowed = first.allowed() && (second == null || second.allowed());
        if (allowed) {
            first.addAllows(refs);
            if (second != null) {
                second.addAllows(refs);
            }
            return new Decision(Outcome.ALLOW, refs, List.of());
        }
        explainMiss(request, first, reasons);
        if (second != null) {
            explainMiss(request, second, reasons);
        }
        return new Decision(Outcome.IMPLICIT_DENY, List.of(), reasons);
    }

    private static void explainMiss(AuthorizationRequest request, PolicySetResult set, List<String> reasons) {
        if (set.allowed()) {
            return;
        }
        reasons.add("no " + set.scopeWord() + " policy statement allows " + PolicyText.quote(request.action())
                + (request.resource() == null ? "" : " on " + PolicyText.quote(request.resource())));
        set.addMisses(request, reasons, MAX_EXPLAINED);
    }
}
