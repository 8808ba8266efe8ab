package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Condition elements of one document: operators, keys and values, compiled and validated per
 * operator family. Like {@link StatementReader}, it keeps a problem in {@link #problem()}, so that
 * the valid path allocates only the model.
 */
final class ConditionReader {

    private static final String IF_EXISTS = "IfExists";
    private static final int MAX_KEY_LENGTH = 256;
    private static final SetQualifier[] QUALIFIERS = SetQualifier.values();

    private final JsonTape tape;
    private final boolean variables;
    private String problem;

    ConditionReader(JsonTape tape, boolean variables) {
        this.tape = tape;
        this.variables = variables;
    }

    /** Why the last Condition element read was invalid, or null when it was valid. */
    String problem() {
        return problem;
    }

    /** Records the problem; null, for the caller to return. */
    private <T> T fail(String problem) {
        this.problem = problem;
        return null;
    }

    /** A parsed operator name such as "ForAnyValue:StringLikeIfExists". */
    record OperatorName(SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {
    }

    /** The block, or null when it is invalid: {@link #problem()} then says why. */
    ConditionBlock read(int object) {
        problem = null;
        if (!tape.isObject(object)) {
            return fail("must be an object mapping operators to keys");
        }
        if (tape.repeatedKey(object) >= 0) {
            return fail("duplicate operator '" + PolicyText.quote(tape.string(tape.repeatedKey(object))) + "'");
        }
        // Most blocks hold one clause: a list is made only for a second.
        ConditionClause first = null;
        List<ConditionClause> clauses = null;
        for (int operator = JsonTape.first(object), end = tape.end(object); operator < end; operator = tape.nextKey(operator)) {
            String operatorText = tape.string(operator);
            Parsed<OperatorName> name = operatorName(operatorText);
            if (name.failed()) {
                return fail(name.problem());
            }
            int keys = JsonTape.value(operator);
            if (!tape.isObject(keys)) {
                return fail("operator '" + PolicyText.quote(operatorText) + "' must map condition keys to values");
            }
            if (tape.repeatedKey(keys) >= 0) {
                return fail("operator '" + PolicyText.quote(operatorText) + "': duplicate key '"
                        + PolicyText.quote(tape.string(tape.repeatedKey(keys))) + "'");
            }
            if (tape.size(keys) == 0) {
                return fail("operator '" + PolicyText.quote(operatorText) + "' has no condition keys");
            }
            for (int k = JsonTape.first(keys), keysEnd = tape.end(keys); k < keysEnd; k = tape.nextKey(k)) {
                String key = tape.string(k);
                ConditionClause clause = clause(name.value(), key, JsonTape.value(k));
                if (clause == null) {
                    return fail("operator '" + PolicyText.quote(operatorText) + "' key '" + PolicyText.quote(key) + "': "
                            + problem);
                }
                if (first == null) {
                    first = clause;
                } else {
                    if (clauses == null) {
                        clauses = new ArrayList<>();
                        clauses.add(first);
                    }
                    clauses.add(clause);
                }
            }
        }
        return new ConditionBlock(clauses != null ? clauses : first != null ? List.of(first) : List.of());
    }

    /**
     * Every valid operator name, with its parse: found with one lookup. Filled through
     * {@link #parseOperatorName}, so it holds exactly what that accepts; anything else takes that path.
     */
    private static final java.util.Map<String, Parsed<OperatorName>> OPERATOR_NAMES = new java.util.HashMap<>();

    static {
        for (SetQualifier qualifier : QUALIFIERS) {
            for (ConditionOperator operator : ConditionOperator.values()) {
                for (String suffix : new String[] { "", IF_EXISTS }) {
                    String text = qualifier.prefix() + operator.text() + suffix;
                    Parsed<OperatorName> name = parseOperatorName(text);
                    if (!name.failed()) {
                        OPERATOR_NAMES.put(text, name);
                    }
                }
            }
        }
    }

    static Parsed<OperatorName> operatorName(String text) {
        Parsed<OperatorName> known = OPERATOR_NAMES.get(text);
        return known != null ? known : parseOperatorName(text);
    }

    private static Parsed<OperatorName> parseOperatorName(String text) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        for (SetQualifier candidate : QUALIFIERS) {
            if (candidate != SetQualifier.NONE && text.startsWith(candidate.prefix())) {
                qualifier = candidate;
                rest = text.substring(candidate.prefix().length());
            }
        }
        boolean ifExists = false;
        ConditionOperator operator = ConditionOperator.byName(rest);
        if (operator == null && rest.endsWith(IF_EXISTS)) {
            operator = ConditionOperator.byName(rest.substring(0, rest.length() - IF_EXISTS.length()));
            ifExists = operator != null;
        }
        if (operator == null) {
            return Parsed.failure("unknown condition operator '" + PolicyText.quote(text) + "'");
        }
        if (operator == ConditionOperator.NULL && ifExists) {
            return Parsed.failure("operator 'NullIfExists' is not allowed: Null already tests whether the key exists");
        }
        if (operator == ConditionOperator.NULL && qualifier != SetQualifier.NONE) {
            return Parsed.failure("operator '" + PolicyText.quote(text) + "' is not allowed: Null takes no set qualifier");
        }
        return Parsed.ok(new OperatorName(qualifier, operator, ifExists));
    }

    private ConditionClause clause(OperatorName name, String key, int json) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return fail("a condition key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        List<String> values = values(json);
        if (values == null) {
            return null;
        }
        Parsed<ConditionValues> compiled = compile(name.operator(), values, variables);
        if (compiled.failed()) {
            return fail(compiled.problem());
        }
        return new ConditionClause(name.qualifier(), name.operator(), name.ifExists(), key, values, compiled.value());
    }

    /** A string, number or boolean, or a non-empty array of them, normalised to strings. */
    private List<String> values(int json) {
        if (tape.isArray(json)) {
            int n = tape.size(json);
            if (n == 0) {
                return fail("values must not be an empty array");
            }
            String[] out = new String[n];
            int element = JsonTape.first(json);
            for (int i = 0; i < n; i++, element = tape.next(element)) {
                String value = scalar(element);
                if (value == null) {
                    return fail("values must be strings, numbers or booleans, not " + tape.typeName(element));
                }
                out[i] = value;
            }
            // Already immutable, so the clause keeps this list instead of copying it.
            return List.of(out);
        }
        String value = scalar(json);
        return value == null ? fail("values must be strings, numbers or booleans, not " + tape.typeName(json))
                : List.of(value);
    }

    private String scalar(int json) {
        switch (tape.kind(json)) {
            case JsonTape.STRING:
            case JsonTape.NUMBER:
                return tape.string(json);
            case JsonTape.TRUE:
                return "true";
            case JsonTape.FALSE:
                return "false";
            default:
                return null;
        }
    }

    private static Parsed<ConditionValues> compile(ConditionOperator operator, List<String> values, boolean variables) {
        switch (operator.family()) {
            case STRING:
                return StringValues.compile(operator, values, variables);
            case NUMERIC:
                return NumericValues.compile(operator, values);
            case DATE:
                return DateValues.compile(operator, values);
            case BOOL:
                return BoolValues.compile(values);
            case BINARY:
                return BinaryValues.compile(values);
            case IP:
                return IpValues.compile(values);
            case ARN:
                return ArnValues.compile(values, variables);
            default:
                return NullValues.compile(values);
        }
    }
}
