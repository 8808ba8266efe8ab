package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What one set of policies (identity, session or trust) says about a request: the statements that
 * allowed, denied or failed. Lists are created only when something lands in them.
 */
final class PolicySetResult {

    private final Scope scope;
    private final List<NamedPolicy> policies;
    private List<StatementRef> allows;
    private List<StatementRef> denies;
    /** The statements behind {@link #denies}, in the same order, to explain them. */
    private List<Statement> denyStatements;
    private List<StatementRef> failures;
    private List<String> failureReasons;

    private PolicySetResult(Scope scope, List<NamedPolicy> policies) {
        this.scope = scope;
        this.policies = policies;
    }

    static PolicySetResult evaluate(List<NamedPolicy> policies, AuthorizationRequest request, Scope scope) {
        PolicySetResult result = new PolicySetResult(scope, policies);
        String lowerAction = ActionPattern.lowerAscii(request.action());
        for (int p = 0; p < policies.size(); p++) {
            NamedPolicy policy = policies.get(p);
            List<Statement> statements = policy.document().statements();
            for (int s = 0; s < statements.size(); s++) {
                Statement statement = statements.get(s);
                StatementCheck.Verdict verdict = StatementCheck.check(statement, request, lowerAction, scope);
                if (verdict == StatementCheck.Verdict.APPLIES) {
                    if (statement.effect() == Effect.DENY) {
                        result.denies = add(result.denies, ref(policy, statement));
                        result.denyStatements = add(result.denyStatements, statement);
                    } else {
                        result.allows = add(result.allows, ref(policy, statement));
                    }
                } else if (verdict == StatementCheck.Verdict.ERROR) {
                    result.failures = add(result.failures, ref(policy, statement));
                    result.failureReasons = add(result.failureReasons,
                            result.describe(policy, statement) + ": " + StatementCheck.explain(statement, request, scope));
                }
            }
        }
        return result;
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> out = list == null ? new ArrayList<>(2) : list;
        out.add(item);
        return out;
    }

    private static StatementRef ref(NamedPolicy policy, Statement statement) {
        return new StatementRef(policy.name(), statement.label());
    }

    boolean allowed() {
        return allows != null;
    }

    boolean denied() {
        return denies != null;
    }

    boolean failed() {
        return failures != null;
    }

    String scopeWord() {
        return scope.word();
    }

    /** The allowing statements, in evaluation order; null when none allowed. Not to be modified. */
    List<StatementRef> allows() {
        return allows;
    }

    /** The allowing statements; an allow needs no reason text, so this path builds none. */
    void addAllows(List<StatementRef> refs) {
        if (allows != null) {
            refs.addAll(allows);
        }
    }

    void addDenials(AuthorizationRequest request, List<StatementRef> refs, List<String> reasons) {
        if (failures != null) {
            refs.addAll(failures);
            reasons.addAll(failureReasons);
        }
        if (denies != null) {
            refs.addAll(denies);
            for (int i = 0; i < denies.size(); i++) {
                // A deny that fired on a policy variable without a value says which one: the operator's surprise.
                String note = StatementCheck.nullVariableMatches(denyStatements.get(i), request);
                reasons.add(describe(denies.get(i)) + ": explicit deny" + (note == null ? "" : " (" + note + ")"));
            }
        }
    }

    /** Reasons no Allow statement applied, at most {@code limit} statements, then a count of the rest. */
    void addMisses(AuthorizationRequest request, List<String> reasons, int limit) {
        int listed = 0;
        int more = 0;
        for (NamedPolicy policy : policies) {
            for (Statement statement : policy.document().statements()) {
                if (statement.effect() != Effect.ALLOW) {
                    continue;
                }
                String why = StatementCheck.explain(statement, request, scope);
                if (why == null) {
                    continue;
                }
                if (listed < limit) {
                    reasons.add(describe(policy, statement) + ": " + why);
                    listed++;
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            reasons.add("... and " + more + " more " + scope.word() + " statements that do not apply");
        }
    }

    private String describe(NamedPolicy policy, Statement statement) {
        return describe(scope, policy.name(), statement.displayName());
    }

    private String describe(StatementRef ref) {
        String label = ref.statement().startsWith("#") ? ref.statement()
                : "'" + PolicyText.quote(ref.statement()) + "'";
        return describe(scope, ref.policy(), label);
    }

    /** "trust statement 'X'" (a trust evaluation has one policy), else "identity statement 'X' of policy". */
    private static String describe(Scope scope, String policy, String statement) {
        String head = scope.word() + " statement " + statement;
        return scope == Scope.TRUST ? head : head + " of " + policy;
    }
}
