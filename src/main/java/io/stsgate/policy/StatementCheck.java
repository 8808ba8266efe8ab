package io.stsgate.policy;

import java.util.List;

/**
 * Decides whether one statement applies to a request. {@link #check} is the allocation-free hot
 * path; {@link #explain} walks the same steps again to say, in words, why a statement did not apply.
 */
final class StatementCheck {

    enum Verdict {
        APPLIES,
        NOT_APPLICABLE,
        ERROR
    }

    private StatementCheck() {
    }

    /** {@code lowerAction} is {@link ActionPattern#lowerAscii} of the request action, computed once per request. */
    static Verdict check(Statement statement, AuthorizationRequest request, String lowerAction, Scope scope) {
        PrincipalSpec principal = statement.principal();
        if (scope == Scope.TRUST) {
            if (principal == null) {
                return Verdict.ERROR;
            }
            if (principal.names(request.principal()) == principal.negated()) {
                return Verdict.NOT_APPLICABLE;
            }
        } else if (principal != null) {
            return Verdict.ERROR;
        }
        if (!statement.action().matches(request.action(), lowerAction)) {
            return Verdict.NOT_APPLICABLE;
        }
        ResourceSpec resource = statement.resource();
        if (resource == null) {
            if (scope != Scope.TRUST) {
                return Verdict.ERROR;
            }
        } else if (request.resource() == null) {
            return Verdict.ERROR;
        } else if (resource.matches(request.resource(), request.context()) != Match.YES) {
            return Verdict.NOT_APPLICABLE;
        }
        List<ConditionClause> clauses = statement.condition().clauses();
        for (int i = 0; i < clauses.size(); i++) {
            Match match = clauses.get(i).evaluate(request.context());
            if (match == Match.ERROR) {
                return Verdict.ERROR;
            }
            if (match != Match.YES) {
                return Verdict.NOT_APPLICABLE;
            }
        }
        return Verdict.APPLIES;
    }

    /** Why the statement does not apply or cannot be evaluated; null if it applies. */
    static String explain(Statement statement, AuthorizationRequest request, Scope scope) {
        PrincipalSpec principal = statement.principal();
        if (scope == Scope.TRUST) {
            if (principal == null) {
                return "evaluation error: a trust statement must name a Principal or NotPrincipal";
            }
            if (principal.names(request.principal()) == principal.negated()) {
                String who = "principal " + PolicyText.quote(request.principal().arn());
                return principal.negated() ? who + " is excluded by NotPrincipal" : who + " is not matched by Principal";
            }
        } else if (principal != null) {
            return "evaluation error: element " + principal.elementName() + " is not allowed in " + scope.withArticle()
                    + " policy";
        }
        ActionSpec action = statement.action();
        if (!action.matches(request.action())) {
            String what = "action " + PolicyText.quote(request.action());
            return action.negated() ? what + " is excluded by NotAction" : what + " is not matched by Action";
        }
        String resourceReason = explainResource(statement.resource(), request, scope);
        if (resourceReason != null) {
            return resourceReason;
        }
        for (ConditionClause clause : statement.condition().clauses()) {
            Match match = clause.evaluate(request.context());
            if (match == Match.ERROR) {
                return "evaluation error: " + clause.explain(request.context());
            }
            if (match != Match.YES) {
                return clause.explain(request.context());
            }
        }
        return null;
    }

    /**
     * The condition that made the statement not apply, when that is the reason {@link #explain} gives (principal,
     * action and resource matched); null otherwise.
     */
    static ConditionClause failingClause(Statement statement, AuthorizationRequest request, String reason) {
        if (reason == null) {
            return null;
        }
        for (ConditionClause clause : statement.condition().clauses()) {
            if (clause.evaluate(request.context()) != Match.YES) {
                String why = clause.explain(request.context());
                return reason.equals(why) || reason.equals("evaluation error: " + why) ? clause : null;
            }
        }
        return null;
    }

    private static String explainResource(ResourceSpec resource, AuthorizationRequest request, Scope scope) {
        if (resource == null) {
            return scope == Scope.TRUST ? null
                    : "evaluation error: " + scope.withArticle() + " statement must have a Resource or NotResource";
        }
        if (request.resource() == null) {
            return "evaluation error: the statement has a " + resource.elementName()
                    + " element but the request names no resource";
        }
        Match match = resource.matches(request.resource(), request.context());
        if (match == Match.YES) {
            return null;
        }
        String what = "resource " + PolicyText.quote(request.resource());
        if (match == Match.UNDEFINED) {
            Template.Variable variable = resource.firstUndefined(request.context());
            return what + " is not matched by " + resource.elementName() + " (policy variable ${"
                    + (variable == null ? "?" : variable.key()) + "} has no value)";
        }
        return resource.negated() ? what + " is excluded by NotResource" : what + " is not matched by Resource";
    }
}
