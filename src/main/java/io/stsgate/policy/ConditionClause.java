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

    /** YES when the condition holds; NO otherwise (including undefined variables); ERROR fails closed. */
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
                if (match == Match.ERROR || match == Match.UNDEFINED) {
                    return settle(match);
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
            if (match == Match.ERROR || match == Match.UNDEFINED) {
                return settle(match);
            }
            if ((match == Match.YES) != perValueNegation) {
                anyMatch = true;
                break;
            }
        }
        boolean holds = qualifier == SetQualifier.NONE && negated ? !anyMatch : anyMatch;
        return holds ? Match.YES : Match.NO;
    }

    private static Match settle(Match match) {
        return match == Match.UNDEFINED ? Match.NO : Match.ERROR;
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
            Template.Variable variable = compiled.firstUndefined(context);
            if (variable != null) {
                return subject + " did not match (policy variable ${" + variable.key() + "} has no value)";
            }
        }
        return subject + " did not match (request value " + (present ? "present" : "absent") + ")";
    }

    @Override
    public String toString() {
        return operatorText() + "{" + key + "=" + values + "}";
    }
}
