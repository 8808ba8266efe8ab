package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonBoolean;
import io.stsgate.policy.JsonValue.JsonNumber;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/** Reads a Condition element: operators, keys and values, compiled and validated per operator family. */
final class ConditionReader {

    private static final String IF_EXISTS = "IfExists";
    private static final int MAX_KEY_LENGTH = 256;
    private static final SetQualifier[] QUALIFIERS = SetQualifier.values();

    private ConditionReader() {
    }

    /** A parsed operator name such as "ForAnyValue:StringLikeIfExists". */
    record OperatorName(SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {
    }

    static Parsed<ConditionBlock> read(JsonValue json, boolean variables) {
        if (!(json instanceof JsonObject object)) {
            return Parsed.failure("must be an object mapping operators to keys");
        }
        if (object.duplicateKey() != null) {
            return Parsed.failure("duplicate operator '" + PolicyText.quote(object.duplicateKey()) + "'");
        }
        JsonMembers operators = object.table();
        // Most blocks hold one clause: a list is made only for a second.
        ConditionClause first = null;
        List<ConditionClause> clauses = null;
        for (int o = 0; o < operators.size(); o++) {
            String operatorText = operators.keyAt(o);
            Parsed<OperatorName> name = operatorName(operatorText);
            if (name.failed()) {
                return Parsed.failure(name.problem());
            }
            String text = PolicyText.quote(operatorText);
            if (!(operators.valueAt(o) instanceof JsonObject keys)) {
                return Parsed.failure("operator '" + text + "' must map condition keys to values");
            }
            if (keys.duplicateKey() != null) {
                return Parsed.failure("operator '" + text + "': duplicate key '" + PolicyText.quote(keys.duplicateKey()) + "'");
            }
            if (keys.members().isEmpty()) {
                return Parsed.failure("operator '" + text + "' has no condition keys");
            }
            JsonMembers members = keys.table();
            for (int k = 0; k < members.size(); k++) {
                String key = members.keyAt(k);
                Parsed<ConditionClause> clause = clause(name.value(), key, members.valueAt(k), variables);
                if (clause.failed()) {
                    return Parsed.failure("operator '" + text + "' key '" + PolicyText.quote(key) + "': "
                            + clause.problem());
                }
                if (first == null) {
                    first = clause.value();
                } else {
                    if (clauses == null) {
                        clauses = new ArrayList<>();
                        clauses.add(first);
                    }
                    clauses.add(clause.value());
                }
            }
        }
        return Parsed.ok(new ConditionBlock(clauses != null ? clauses : first != null ? List.of(first) : List.of()));
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

    private static Parsed<ConditionClause> clause(OperatorName name, String key, JsonValue json, boolean variables) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Parsed.failure("a condition key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Parsed<List<String>> values = values(json);
        if (values.failed()) {
            return Parsed.failure(values.problem());
        }
        Parsed<ConditionValues> compiled = compile(name.operator(), values.value(), variables);
        if (compiled.failed()) {
            return Parsed.failure(compiled.problem());
        }
        return Parsed.ok(new ConditionClause(name.qualifier(), name.operator(), name.ifExists(), key, values.value(),
                compiled.value()));
    }

    /** A string, number or boolean, or a non-empty array of them, normalised to strings. */
    private static Parsed<List<String>> values(JsonValue json) {
        if (json instanceof JsonArray array) {
            List<JsonValue> elements = array.elements();
            int n = elements.size();
            if (n == 0) {
                return Parsed.failure("values must not be an empty array");
            }
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                JsonValue element = elements.get(i);
                String value = scalar(element);
                if (value == null) {
                    return Parsed.failure("values must be strings, numbers or booleans, not " + JsonValue.typeName(element));
                }
                out[i] = value;
            }
            // Already immutable, so the clause keeps this list instead of copying it.
            return Parsed.ok(List.of(out));
        }
        String value = scalar(json);
        return value == null
                ? Parsed.failure("values must be strings, numbers or booleans, not " + JsonValue.typeName(json))
                : Parsed.ok(List.of(value));
    }

    private static String scalar(JsonValue json) {
        if (json instanceof JsonString string) {
            return string.value();
        } else if (json instanceof JsonNumber number) {
            return number.lexeme();
        } else if (json instanceof JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        return null;
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
