package io.stsgate.policy;

import java.util.HashMap;
import java.util.Map;

/** The base condition operators, without set qualifier or IfExists suffix. */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQUAL, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Comparison.EQUAL, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, Comparison.EQUAL_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, Comparison.EQUAL_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Family.STRING, Comparison.LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, Comparison.LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQUAL, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Comparison.EQUAL, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LESS, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Comparison.LESS_OR_EQUAL, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GREATER, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Comparison.GREATER_OR_EQUAL, false),
    DATE_EQUALS("DateEquals", Family.DATE, Comparison.EQUAL, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Comparison.EQUAL, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, Comparison.LESS, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Comparison.LESS_OR_EQUAL, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Comparison.GREATER, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Comparison.GREATER_OR_EQUAL, false),
    BOOL("Bool", Family.BOOL, Comparison.EQUAL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, Comparison.EQUAL, false),
    IP_ADDRESS("IpAddress", Family.IP, Comparison.EQUAL, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, Comparison.EQUAL, true),
    ARN_EQUALS("ArnEquals", Family.ARN, Comparison.LIKE, false),
    ARN_LIKE("ArnLike", Family.ARN, Comparison.LIKE, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Comparison.LIKE, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, Comparison.LIKE, true),
    NULL("Null", Family.NULL, Comparison.EQUAL, false);

    /** Which values an operator compares. */
    public enum Family {
        STRING,
        NUMERIC,
        DATE,
        BOOL,
        BINARY,
        IP,
        ARN,
        NULL
    }

    /** What the positive form of the operator tests; the request value is on the left. */
    enum Comparison {
        EQUAL,
        EQUAL_IGNORE_CASE,
        LIKE,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL;

        boolean holds(int requestComparedToPolicy) {
            switch (this) {
                case LESS:
                    return requestComparedToPolicy < 0;
                case LESS_OR_EQUAL:
                    return requestComparedToPolicy <= 0;
                case GREATER:
                    return requestComparedToPolicy > 0;
                case GREATER_OR_EQUAL:
                    return requestComparedToPolicy >= 0;
                default:
                    return requestComparedToPolicy == 0;
            }
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator operator : values()) {
            BY_NAME.put(operator.text, operator);
        }
    }

    private final String text;
    private final Family family;
    private final Comparison comparison;
    private final boolean negated;

    ConditionOperator(String text, Family family, Comparison comparison, boolean negated) {
        this.text = text;
        this.family = family;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The name as written in policies, e.g. "StringNotLike". */
    public String text() {
        return text;
    }

    public Family family() {
        return family;
    }

    /** Whether this is a negated operator: true when the request value matches none of the values. */
    public boolean negated() {
        return negated;
    }

    Comparison comparison() {
        return comparison;
    }

    /** Looks a base operator up by its exact (case-sensitive) name; null if unknown. */
    static ConditionOperator byName(String name) {
        return BY_NAME.get(name);
    }
}
