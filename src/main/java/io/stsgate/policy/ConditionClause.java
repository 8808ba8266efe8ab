package io.stsgate.policy;

import java.util.List;

/**
 * One condition key under one operator, e.g. {@code "StringEquals": {"sts:ExternalId": ["a", "b"]}}.
 * The values are ORed; a negated operator holds when the request value matches none of them.
 */
public final class ConditionClause {

    private final SetQualifier qualifier;
    private final ConditionOperator operator;
    private final boolean ifExists;
    private final String key;
    private final String lowerKey;
    private final List<String> values;
    private final ConditionValues compiled;

    ConditionClause(SetQualifier qualifier, ConditionOperator operator, boolean ifExists, String key,
            List<String> values, ConditionValues compiled) {
        this.qualifier = qualifier;
        this.operator = operator;
        this.ifExists = ifExists;
        this.key = key;
        this.lowerKey = RequestContext.normalize(key);
        this.values = List.copyOf(values);
        this.compiled = compiled;
    }

    public SetQualifier qualifier() {
        return qualifier;
    }

    public ConditionOperator operator() {
        return operator;
    }

    public boolean ifExists() {
        return ifExists;
    }

    /** The condition key as written. */
    public String key() {
        return key;
    }

    /** The policy values, normalised to strings (numbers and booleans as written in JSON). */
    public List<String> values() {
        return values;
    }

    /** The full operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
    public String operatorText() {
        return qualifier.prefix() + operator.text() + (ifExists ? "IfExists" : "");
    }

    /**
     * YES when the condition holds, NO when it does not, ERROR (fails closed) when a request value cannot be
     * interpreted. A policy value whose variable has no value is null: no request value equals or is like it, so a
     * positive operator does not match it and an inverted one does (IAM user guide, "Policy variables with no value").
     */
    Match evaluate(RequestContext context) {
        List<String> requestValues = context.lookup(lowerKey);
        boolean present = requestValues != null && !requestValues.isEmpty();
        if (compiled instanceof NullValues nulls) {
            return nulls.testPresence(present);
        }
        boolean negated = operator.negated();
        if (!present) {
            boolean holds = ifExists || qualifier == SetQualifier.FOR_ALL_VALUES
                    || (qualifier == SetQualifier.NONE && negated);
            return holds ? Match.YES : Match.NO;
        }
        if (qualifier == SetQualifier.FOR_ALL_VALUES) {
            for (int i = 0; i < requestValues.size(); i++) {
                Match match = compiled.test(requestValues.get(i), context);
                if (match == Match.ERROR) {
                    return Match.ERROR;
                }
                if ((match == Match.YES) == negated) {
                    return Match.NO;
                }
            }
            return Match.YES;
        }
        // Without a qualifier a positive operator holds when any request value matches, a negated one
        // when none does; ForAnyValue negates per value instead.
        boolean perValueNegation = qualifier == SetQualifier.FOR_ANY_VALUE && negated;
        boolean anyMatch = false;
        for (int i = 0; i < requestValues.size(); i++) {
            Match match = compiled.test(requestValues.get(i), context);
            if (match == Match.ERROR) {
                return Match.ERROR;
            }
            if ((match == Match.YES) != perValueNegation) {
                anyMatch = true;
                break;
            }
        }
        boolean holds = qualifier == SetQualifier.NONE && negated ? !anyMatch : anyMatch;
        return holds ? Match.YES : Match.NO;
    }

    /**
     * Why the condition did not hold, naming the operator and key but never the request value, e.g.
     * "condition StringEquals on sts:ExternalId did not match (request value present)".
     */
    String explain(RequestContext context) {
        List<String> requestValues = context.lookup(lowerKey);
        boolean present = requestValues != null && !requestValues.isEmpty();
        String subject = "condition " + operatorText() + " on " + key;
        if (present && !(compiled instanceof NullValues)) {
            for (String value : requestValues) {
                if (compiled.test(value, context) == Match.ERROR) {
                    return subject + " could not be evaluated (request value is not " + compiled.expectedForm() + ")";
                }
            }
            Template.Variable variable = operator.negated() ? null : compiled.firstUndefined(context);
            if (variable != null) {
                return subject + " did not match (policy variable ${" + variable.key() + "} has no value)";
            }
        }
        return subject + " did not match (request value " + (present ? "present" : "absent") + ")";
    }

    /**
     * When this condition held only because an inverted operator met a policy variable without a value, says so
     * (which variable), e.g. for the reason of an explicit deny; null otherwise. Not for the hot path.
     */
    String nullVariableMatch(RequestContext context) {
        if (!operator.negated() || compiled instanceof NullValues) {
            return null;
        }
        List<String> requestValues = context.lookup(lowerKey);
        if (requestValues == null || requestValues.isEmpty()) {
            return null;
        }
        Template.Variable variable = compiled.firstUndefined(context);
        if (variable == null || evaluate(context) != Match.YES) {
            return null;
        }
        return "condition " + operatorText() + " on " + key + " matched because policy variable ${" + variable.key()
                + "} has no value (an inverted operator matches the null value)";
    }

    @Override
    public String toString() {
        return operatorText() + "{" + key + "=" + values + "}";
    }
}
