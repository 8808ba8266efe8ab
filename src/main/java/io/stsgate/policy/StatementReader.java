package io.stsgate.policy;

import java.util.List;

/** Reads and validates one statement; problems name the statement (Sid and index) and the element. */
final class StatementReader {

    // Positions of the elements in the array that one pass over the statement's members fills.
    private static final int SID = 0;
    private static final int EFFECT = 1;
    private static final int PRINCIPAL = 2;
    private static final int NOT_PRINCIPAL = 3;
    private static final int ACTION = 4;
    private static final int NOT_ACTION = 5;
    private static final int RESOURCE = 6;
    private static final int NOT_RESOURCE = 7;
    private static final int CONDITION = 8;
    private static final int ELEMENT_COUNT = 9;

    private StatementReader() {
    }

    static Parsed<Statement> read(JsonTape tape, int object, int index, PolicyKind kind, boolean variables) {
        if (!tape.isObject(object)) {
            return Parsed.failure("Statement (index " + index + "): must be an object, not " + tape.typeName(object));
        }
        // Value nodes by element, -1 when absent.
        int[] members = new int[ELEMENT_COUNT];
        java.util.Arrays.fill(members, -1);
        String unknown = null;
        for (int key = JsonTape.first(object), end = tape.end(object); key < end; key = tape.nextKey(key)) {
            if (tape.repeated(key)) {
                continue;
            }
            String name = tape.string(key);
            int element = element(name);
            if (element >= 0) {
                members[element] = JsonTape.value(key);
            } else if (unknown == null) {
                unknown = name;
            }
        }
        int sidValue = members[SID];
        if (sidValue >= 0 && !tape.isString(sidValue)) {
            return Parsed.failure("Statement (index " + index + "): element 'Sid' must be a string");
        }
        String sid = sidValue < 0 ? null : tape.string(sidValue);
        if (tape.repeatedKey(object) >= 0) {
            return Parsed.failure(where(sid, index) + "duplicate element '"
                    + PolicyText.quote(tape.string(tape.repeatedKey(object))) + "'");
        }
        if (unknown != null) {
            return Parsed.failure(where(sid, index) + "unknown element '" + PolicyText.quote(unknown) + "'");
        }
        Parsed<Statement> statement = elements(tape, members, index, sid, kind, variables);
        return statement.failed() ? Parsed.failure(where(sid, index) + statement.problem()) : statement;
    }

    /** The prefix of a problem's message naming the statement; built only when there is a problem. */
    private static String where(String sid, int index) {
        return sid != null ? "Statement '" + PolicyText.quote(sid) + "' (index " + index + "): "
                : "Statement (index " + index + "): ";
    }

    /** The position of a statement element, or -1 for an unknown name. */
    private static int element(String key) {
        switch (key) {
            case "Sid":
                return SID;
            case "Effect":
                return EFFECT;
            case "Principal":
                return PRINCIPAL;
            case "NotPrincipal":
                return NOT_PRINCIPAL;
            case "Action":
                return ACTION;
            case "NotAction":
                return NOT_ACTION;
            case "Resource":
                return RESOURCE;
            case "NotResource":
                return NOT_RESOURCE;
            case "Condition":
                return CONDITION;
            default:
                return -1;
        }
    }

    private static Parsed<Statement> elements(JsonTape tape, int[] members, int index, String sid, PolicyKind kind,
            boolean variables) {
        int effectValue = members[EFFECT];
        if (effectValue < 0) {
            return Parsed.failure("element 'Effect' is missing");
        }
        Effect effect = tape.isString(effectValue) ? Effect.fromText(tape.string(effectValue)) : null;
        if (effect == null) {
            return Parsed.failure("element 'Effect' must be \"Allow\" or \"Deny\"");
        }
        Parsed<PrincipalSpec> principal = principal(tape, members, kind);
        if (principal.failed()) {
            return Parsed.failure(principal.problem());
        }
        Parsed<ActionSpec> action = action(tape, members);
        if (action.failed()) {
            return Parsed.failure(action.problem());
        }
        Parsed<ResourceSpec> resource = resource(tape, members, kind, variables);
        if (resource.failed()) {
            return Parsed.failure(resource.problem());
        }
        ConditionBlock condition = ConditionBlock.NONE;
        int conditionValue = members[CONDITION];
        if (conditionValue >= 0) {
            Parsed<ConditionBlock> block = ConditionReader.read(tape, conditionValue, variables);
            if (block.failed()) {
                return Parsed.failure("element 'Condition': " + block.problem());
            }
            condition = block.value();
        }
        return Parsed.ok(new Statement(index, sid, effect, principal.value(), action.value(), resource.value(),
                condition));
    }

    private static Parsed<PrincipalSpec> principal(JsonTape tape, int[] members, PolicyKind kind) {
        int principal = members[PRINCIPAL];
        int notPrincipal = members[NOT_PRINCIPAL];
        if (principal >= 0 && notPrincipal >= 0) {
            return Parsed.failure("elements 'Principal' and 'NotPrincipal' cannot both be present");
        }
        String name = principal >= 0 ? "Principal" : "NotPrincipal";
        int value = principal >= 0 ? principal : notPrincipal;
        if (value < 0) {
            return kind == PolicyKind.TRUST
                    ? Parsed.failure("element 'Principal' or 'NotPrincipal' is required in a trust policy")
                    : Parsed.ok(null);
        }
        if (kind == PolicyKind.IDENTITY) {
            return Parsed.failure("element '" + name + "' is not allowed in an identity or session policy");
        }
        Parsed<PrincipalSpec> spec = PrincipalSpec.parse(tape, value, notPrincipal >= 0);
        return spec.failed() ? Parsed.failure("element '" + name + "' " + spec.problem()) : spec;
    }

    private static Parsed<ActionSpec> action(JsonTape tape, int[] members) {
        int action = members[ACTION];
        int notAction = members[NOT_ACTION];
        if (action >= 0 && notAction >= 0) {
            return Parsed.failure("elements 'Action' and 'NotAction' cannot both be present");
        }
        if (action < 0 && notAction < 0) {
            return Parsed.failure("element 'Action' or 'NotAction' is required");
        }
        String name = action >= 0 ? "Action" : "NotAction";
        int value = action >= 0 ? action : notAction;
        int count = stringCount(tape, value);
        if (count < 0) {
            return Parsed.failure("element '" + name + "' " + NOT_STRINGS);
        }
        ActionPattern[] patterns = new ActionPattern[count];
        int string = firstString(tape, value);
        for (int i = 0; i < count; i++, string = tape.next(string)) {
            Parsed<ActionPattern> pattern = ActionPattern.parse(tape.string(string));
            if (pattern.failed()) {
                return Parsed.failure("element '" + name + "': " + pattern.problem());
            }
            patterns[i] = pattern.value();
        }
        return Parsed.ok(new ActionSpec(notAction >= 0, List.of(patterns)));
    }

    private static Parsed<ResourceSpec> resource(JsonTape tape, int[] members, PolicyKind kind, boolean variables) {
        int resource = members[RESOURCE];
        int notResource = members[NOT_RESOURCE];
        if (resource >= 0 && notResource >= 0) {
            return Parsed.failure("elements 'Resource' and 'NotResource' cannot both be present");
        }
        if (resource < 0 && notResource < 0) {
            return kind == PolicyKind.IDENTITY
                    ? Parsed.failure("element 'Resource' or 'NotResource' is required")
                    : Parsed.ok(null);
        }
        String name = resource >= 0 ? "Resource" : "NotResource";
        int value = resource >= 0 ? resource : notResource;
        int count = stringCount(tape, value);
        if (count < 0) {
            return Parsed.failure("element '" + name + "' " + NOT_STRINGS);
        }
        ResourcePattern[] patterns = new ResourcePattern[count];
        int string = firstString(tape, value);
        for (int i = 0; i < count; i++, string = tape.next(string)) {
            Parsed<ResourcePattern> pattern = ResourcePattern.parse(tape.string(string), variables);
            if (pattern.failed()) {
                return Parsed.failure("element '" + name + "': " + pattern.problem());
            }
            patterns[i] = pattern.value();
        }
        return Parsed.ok(new ResourceSpec(notResource >= 0, List.of(patterns)));
    }

    private static final String NOT_STRINGS = "must be a string or a non-empty array of strings";

    /**
     * How many strings a string or a non-empty array of strings holds, or -1 when the value is
     * neither. Every element is checked before any is parsed, so a wrong type is reported first.
     */
    private static int stringCount(JsonTape tape, int value) {
        if (tape.isString(value)) {
            return 1;
        }
        if (tape.isArray(value)) {
            int n = tape.size(value);
            if (n == 0) {
                return -1;
            }
            for (int element = JsonTape.first(value), end = tape.end(value); element < end; element = tape.next(element)) {
                if (!tape.isString(element)) {
                    return -1;
                }
            }
            return n;
        }
        return -1;
    }

    /** The first string of a value that {@link #stringCount} accepted; the others follow it. */
    private static int firstString(JsonTape tape, int value) {
        return tape.isString(value) ? value : JsonTape.first(value);
    }
}
