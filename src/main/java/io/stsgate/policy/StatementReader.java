package io.stsgate.policy;

import java.util.List;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

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

    static Parsed<Statement> read(JsonValue json, int index, PolicyKind kind, boolean variables) {
        if (!(json instanceof JsonObject object)) {
            return Parsed.failure("Statement (index " + index + "): must be an object, not " + JsonValue.typeName(json));
        }
        JsonMembers table = object.table();
        JsonValue[] members = new JsonValue[ELEMENT_COUNT];
        String unknown = null;
        for (int i = 0; i < table.size(); i++) {
            String key = table.keyAt(i);
            int element = element(key);
            if (element >= 0) {
                members[element] = table.valueAt(i);
            } else if (unknown == null) {
                unknown = key;
            }
        }
        JsonValue sidValue = members[SID];
        if (sidValue != null && !(sidValue instanceof JsonString)) {
            return Parsed.failure("Statement (index " + index + "): element 'Sid' must be a string");
        }
        String sid = sidValue == null ? null : ((JsonString) sidValue).value();
        if (object.duplicateKey() != null) {
            return Parsed.failure(where(sid, index) + "duplicate element '" + PolicyText.quote(object.duplicateKey()) + "'");
        }
        if (unknown != null) {
            return Parsed.failure(where(sid, index) + "unknown element '" + PolicyText.quote(unknown) + "'");
        }
        Parsed<Statement> statement = elements(members, index, sid, kind, variables);
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

    private static Parsed<Statement> elements(JsonValue[] members, int index, String sid, PolicyKind kind,
            boolean variables) {
        JsonValue effectValue = members[EFFECT];
        if (effectValue == null) {
            return Parsed.failure("element 'Effect' is missing");
        }
        Effect effect = effectValue instanceof JsonString s ? Effect.fromText(s.value()) : null;
        if (effect == null) {
            return Parsed.failure("element 'Effect' must be \"Allow\" or \"Deny\"");
        }
        Parsed<PrincipalSpec> principal = principal(members, kind);
        if (principal.failed()) {
            return Parsed.failure(principal.problem());
        }
        Parsed<ActionSpec> action = action(members);
        if (action.failed()) {
            return Parsed.failure(action.problem());
        }
        Parsed<ResourceSpec> resource = resource(members, kind, variables);
        if (resource.failed()) {
            return Parsed.failure(resource.problem());
        }
        ConditionBlock condition = ConditionBlock.NONE;
        JsonValue conditionValue = members[CONDITION];
        if (conditionValue != null) {
            Parsed<ConditionBlock> block = ConditionReader.read(conditionValue, variables);
            if (block.failed()) {
                return Parsed.failure("element 'Condition': " + block.problem());
            }
            condition = block.value();
        }
        return Parsed.ok(new Statement(index, sid, effect, principal.value(), action.value(), resource.value(),
                condition));
    }

    private static Parsed<PrincipalSpec> principal(JsonValue[] members, PolicyKind kind) {
        JsonValue principal = members[PRINCIPAL];
        JsonValue notPrincipal = members[NOT_PRINCIPAL];
        if (principal != null && notPrincipal != null) {
            return Parsed.failure("elements 'Principal' and 'NotPrincipal' cannot both be present");
        }
        String name = principal != null ? "Principal" : "NotPrincipal";
        JsonValue value = principal != null ? principal : notPrincipal;
        if (value == null) {
            return kind == PolicyKind.TRUST
                    ? Parsed.failure("element 'Principal' or 'NotPrincipal' is required in a trust policy")
                    : Parsed.ok(null);
        }
        if (kind == PolicyKind.IDENTITY) {
            return Parsed.failure("element '" + name + "' is not allowed in an identity or session policy");
        }
        Parsed<PrincipalSpec> spec = PrincipalSpec.parse(value, notPrincipal != null);
        return spec.failed() ? Parsed.failure("element '" + name + "' " + spec.problem()) : spec;
    }

    private static Parsed<ActionSpec> action(JsonValue[] members) {
        JsonValue action = members[ACTION];
        JsonValue notAction = members[NOT_ACTION];
        if (action != null && notAction != null) {
            return Parsed.failure("elements 'Action' and 'NotAction' cannot both be present");
        }
        if (action == null && notAction == null) {
            return Parsed.failure("element 'Action' or 'NotAction' is required");
        }
        String name = action != null ? "Action" : "NotAction";
        JsonValue value = action != null ? action : notAction;
        int count = stringCount(value);
        if (count < 0) {
            return Parsed.failure("element '" + name + "' " + NOT_STRINGS);
        }
        ActionPattern[] patterns = new ActionPattern[count];
        for (int i = 0; i < count; i++) {
            Parsed<ActionPattern> pattern = ActionPattern.parse(stringAt(value, i));
            if (pattern.failed()) {
                return Parsed.failure("element '" + name + "': " + pattern.problem());
            }
            patterns[i] = pattern.value();
        }
        return Parsed.ok(new ActionSpec(notAction != null, List.of(patterns)));
    }

    private static Parsed<ResourceSpec> resource(JsonValue[] members, PolicyKind kind, boolean variables) {
        JsonValue resource = members[RESOURCE];
        JsonValue notResource = members[NOT_RESOURCE];
        if (resource != null && notResource != null) {
            return Parsed.failure("elements 'Resource' and 'NotResource' cannot both be present");
        }
        if (resource == null && notResource == null) {
            return kind == PolicyKind.IDENTITY
                    ? Parsed.failure("element 'Resource' or 'NotResource' is required")
                    : Parsed.ok(null);
        }
        String name = resource != null ? "Resource" : "NotResource";
        JsonValue value = resource != null ? resource : notResource;
        int count = stringCount(value);
        if (count < 0) {
            return Parsed.failure("element '" + name + "' " + NOT_STRINGS);
        }
        ResourcePattern[] patterns = new ResourcePattern[count];
        for (int i = 0; i < count; i++) {
            Parsed<ResourcePattern> pattern = ResourcePattern.parse(stringAt(value, i), variables);
            if (pattern.failed()) {
                return Parsed.failure("element '" + name + "': " + pattern.problem());
            }
            patterns[i] = pattern.value();
        }
        return Parsed.ok(new ResourceSpec(notResource != null, List.of(patterns)));
    }

    private static final String NOT_STRINGS = "must be a string or a non-empty array of strings";

    /**
     * How many strings a string or a non-empty array of strings holds, or -1 when the value is
     * neither. Every element is checked before any is parsed, so a wrong type is reported first.
     */
    private static int stringCount(JsonValue value) {
        if (value instanceof JsonString) {
            return 1;
        }
        if (value instanceof JsonArray array) {
            List<JsonValue> elements = array.elements();
            int n = elements.size();
            if (n == 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (!(elements.get(i) instanceof JsonString)) {
                    return -1;
                }
            }
            return n;
        }
        return -1;
    }

    /** The i-th string of a value that {@link #stringCount} accepted. */
    private static String stringAt(JsonValue value, int i) {
        if (value instanceof JsonString string) {
            return string.value();
        }
        return ((JsonString) ((JsonArray) value).elements().get(i)).value();
    }
}
