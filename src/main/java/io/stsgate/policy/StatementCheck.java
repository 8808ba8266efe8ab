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
            // The parser refuses NotPrincipal in trust policies; one that got here anyway fails closed.
            if (principal == null || principal.negated()) {
                return Verdict.ERROR;
            }
            if (!principal.names(request.principal())) {
                return Verdict.NOT_APPLICABLE;
            }
        } else if (scope == Scope.RESOURCE) {
            if (principal == null || request.principal() == null) {
                return Verdict.ERROR;
            }
            // NotPrincipal (only with Deny; the parser refuses it with Allow) applies to everyone it does not name.
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
        } else if (!covers(statement, resource.matches(request.resource(), request.context()))) {
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
                return "evaluation error: a trust statement must name a Principal";
            }
            if (principal.negated()) {
                return "evaluation error: element NotPrincipal is not allowed in a role trust policy";
            }
            if (!principal.names(request.principal())) {
                return "principal " + PolicyText.quote(request.principal().arn()) + " is not matched by Principal";
            }
        } else if (scope == Scope.RESOURCE) {
            if (principal == null) {
                return "evaluation error: a resource policy statement must name a Principal or NotPrincipal";
            }
            if (request.principal() == null) {
                return "evaluation error: a resource policy needs the request principal";
            }
            if (principal.names(request.principal()) == principal.negated()) {
                return "principal " + PolicyText.quote(request.principal().arn())
                        + (principal.negated() ? " is excluded by NotPrincipal" : " is not matched by Principal");
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
        String resourceReason = explainResource(statement, request, scope);
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

    /**
     * Whether the statement's resource element covers the request's resource. A pattern whose variable has no value
     * matches no resource: a Resource then does not cover it. For a NotResource AWS does not say whether such a
     * pattern excludes nothing (the statement applies) or voids the element; we take the side that denies: a Deny
     * applies, an Allow does not.
     */
    private static boolean covers(Statement statement, Match match) {
        return match == Match.YES
                || (match == Match.UNDEFINED && statement.resource().negated() && statement.effect() == Effect.DENY);
    }

    /**
     * For a statement that applies, the policy variables without a value that made it apply (an inverted operator
     * matching the null value, a NotResource of a Deny), in words; null when there are none. Not for the hot path.
     */
    static String nullVariableMatches(Statement statement, AuthorizationRequest request) {
        StringBuilder notes = null;
        ResourceSpec resource = statement.resource();
        if (resource != null && request.resource() != null
                && resource.matches(request.resource(), request.context()) == Match.UNDEFINED) {
            Template.Variable variable = resource.firstUndefined(request.context());
            notes = new StringBuilder(resource.elementName() + " applied because policy variable ${"
                    + (variable == null ? "?" : variable.key()) + "} has no value (its pattern matches no resource)");
        }
        for (ConditionClause clause : statement.condition().clauses()) {
            String note = clause.nullVariableMatch(request.context());
            if (note != null) {
                notes = notes == null ? new StringBuilder(note) : notes.append("; ").append(note);
            }
        }
        return notes == null ? null : notes.toString();
    }

    private static String explainResource(Statement statement, AuthorizationRequest request, Scope scope) {
        ResourceSpec resource = statement.resource();
        if (resource == null) {
            return scope == Scope.TRUST ? null
                    : "evaluation error: " + scope.withArticle() + " statement must have a Resource or NotResource";
        }
        if (request.resource() == null) {
            return "evaluation error: the statement has a " + resource.elementName()
                    + " element but the request names no resource";
        }
        Match match = resource.matches(request.resource(), request.context());
        if (covers(statement, match)) {
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
