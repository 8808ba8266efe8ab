package io.stsgate.policy;

import java.util.List;

/**
 * Reads and validates the statements of one document, one at a time; problems name the statement
 * (Sid and index) and the element. A problem is kept in {@link #problem()} rather than returned in
 * a {@link Parsed}: the valid path, which every statement takes, then allocates only the model.
 */
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
    private static final Effect[] EFFECTS = Effect.values();

    private final JsonTape tape;
    private final PolicyKind kind;
    private final boolean variables;
    private final ConditionReader conditions;
    /** Value nodes of the statement being read, by element, -1 when absent; reused for each statement. */
    private final int[] members = new int[ELEMENT_COUNT];
    private String problem;

    /** A reader for the statements of one document. */
    StatementReader(JsonTape tape, PolicyKind kind, boolean variables) {
        this.tape = tape;
        this.kind = kind;
        this.variables = variables;
        this.conditions = new ConditionReader(tape, variables);
    }

    /** Why the last statement read was invalid, or null when it was valid. */
    String problem() {
        return problem;
    }

    /** The statement, or null when it is invalid: {@link #problem()} then says why. */
    Statement read(int object, int index) {
        problem = null;
        if (!tape.isObject(object)) {
            return fail("Statement (index " + index + "): must be an object, not " + tape.typeName(object));
        }
        java.util.Arrays.fill(members, -1);
        String unknown = null;
        for (int key = JsonTape.first(object), end = tape.end(object); key < end; key = tape.nextKey(key)) {
            if (tape.repeated(key)) {
                continue;
            }
            int element = element(key);
            if (element >= 0) {
                members[element] = JsonTape.value(key);
            } else if (unknown == null) {
                unknown = tape.string(key);
            }
        }
        int sidValue = members[SID];
        if (sidValue >= 0 && !tape.isString(sidValue)) {
            return fail("Statement (index " + index + "): element 'Sid' must be a string");
        }
        String sid = sidValue < 0 ? null : tape.string(sidValue);
        if (tape.repeatedKey(object) >= 0) {
            return fail(where(sid, index) + "duplicate element '" + PolicyText.quote(tape.string(tape.repeatedKey(object)))
                    + "'");
        }
        if (unknown != null) {
            return fail(where(sid, index) + "unknown element '" + PolicyText.quote(unknown) + "'");
        }
        Statement statement = elements(index, sid);
        if (statement == null) {
            problem = where(sid, index) + problem;
        }
        return statement;
    }

    /** Records the problem; null, for the caller to return. */
    private <T> T fail(String problem) {
        this.problem = problem;
        return null;
    }

    /** The prefix of a problem's message naming the statement; built only when there is a problem. */
    private static String where(String sid, int index) {
        return sid != null ? "Statement '" + PolicyText.quote(sid) + "' (index " + index + "): "
                : "Statement (index " + index + "): ";
    }

    /** The names of the statement elements, at their positions. */
    private static final String[] ELEMENT_NAMES = { "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition" };
    private static final int[] ELEMENT_HASHES = new int[ELEMENT_COUNT];

    static {
        for (int i = 0; i < ELEMENT_COUNT; i++) {
            ELEMENT_HASHES[i] = ELEMENT_NAMES[i].hashCode();
        }
    }

    /**
     * The position of the statement element a key names, or -1 for an unknown name. Matched on the
     * tape by the key's hash, so that no string is made for the keys every statement has.
     */
    private int element(int key) {
        int hash = tape.keyHash(key);
        for (int i = 0; i < ELEMENT_COUNT; i++) {
            if (ELEMENT_HASHES[i] == hash && tape.textEquals(key, ELEMENT_NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    private Statement elements(int index, String sid) {
        int effectValue = members[EFFECT];
        if (effectValue < 0) {
            return fail("element 'Effect' is missing");
        }
        Effect effect = tape.isString(effectValue) ? effect(effectValue) : null;
        if (effect == null) {
            return fail("element 'Effect' must be \"Allow\" or \"Deny\"");
        }
        // Principal and Resource may validly be null: a problem is told by the field.
        PrincipalSpec principal = principal(effect);
        if (problem != null) {
            return null;
        }
        ActionSpec action = action();
        if (problem != null) {
            return null;
        }
        ResourceSpec resource = resource();
        if (problem != null) {
            return null;
        }
        ConditionBlock condition = ConditionBlock.NONE;
        int conditionValue = members[CONDITION];
        if (conditionValue >= 0) {
            condition = conditions.read(conditionValue);
            if (condition == null) {
                return fail("element 'Condition': " + conditions.problem());
            }
        }
        return new Statement(index, sid, effect, principal, action, resource, condition);
    }

    /** The Effect a string names, or null; compared on the tape, without making a string. */
    private Effect effect(int value) {
        for (Effect effect : EFFECTS) {
            if (tape.textEquals(value, effect.text())) {
                return effect;
            }
        }
        return null;
    }

    private PrincipalSpec principal(Effect effect) {
        int principal = members[PRINCIPAL];
        int notPrincipal = members[NOT_PRINCIPAL];
        if (principal >= 0 && notPrincipal >= 0) {
            return fail("elements 'Principal' and 'NotPrincipal' cannot both be present");
        }
        String name = principal >= 0 ? "Principal" : "NotPrincipal";
        int value = principal >= 0 ? principal : notPrincipal;
        if (value < 0) {
            return kind == PolicyKind.TRUST ? fail("element 'Principal' is required in a trust policy") : null;
        }
        if (kind == PolicyKind.IDENTITY) {
            return fail("element '" + name + "' is not allowed in an identity or session policy");
        }
        // AWS refuses NotPrincipal in a role trust policy whatever the effect, and with Allow in every policy:
        // an Allow with NotPrincipal would trust everyone but the principals it names.
        if (notPrincipal >= 0 && kind == PolicyKind.TRUST) {
            return fail("element 'NotPrincipal' is not allowed in a role trust policy; name the trusted principals "
                    + "in 'Principal' (a Deny can exclude principals with a condition on aws:PrincipalArn)");
        }
        if (notPrincipal >= 0 && effect == Effect.ALLOW) {
            return fail("element 'NotPrincipal' is allowed only with \"Effect\": \"Deny\"");
        }
        Parsed<PrincipalSpec> spec = PrincipalSpec.parse(tape, value, notPrincipal >= 0);
        return spec.failed() ? fail("element '" + name + "' " + spec.problem()) : spec.value();
    }

    private ActionSpec action() {
        int action = members[ACTION];
        int notAction = members[NOT_ACTION];
        if (action >= 0 && notAction >= 0) {
            return fail("elements 'Action' and 'NotAction' cannot both be present");
        }
        if (action < 0 && notAction < 0) {
            return fail("element 'Action' or 'NotAction' is required");
        }
        String name = action >= 0 ? "Action" : "NotAction";
        int value = action >= 0 ? action : notAction;
        int count = stringCount(value);
        if (count < 0) {
            return fail("element '" + name + "' " + NOT_STRINGS);
        }
        ActionPattern[] patterns = new ActionPattern[count];
        int string = firstString(value);
        for (int i = 0; i < count; i++, string = tape.next(string)) {
            String text = tape.string(string);
            String invalid = ActionPattern.problem(text);
            if (invalid != null) {
                return fail("element '" + name + "': " + invalid);
            }
            patterns[i] = ActionPattern.of(text);
        }
        return new ActionSpec(notAction >= 0, List.of(patterns));
    }

    private ResourceSpec resource() {
        int resource = members[RESOURCE];
        int notResource = members[NOT_RESOURCE];
        if (resource >= 0 && notResource >= 0) {
            return fail("elements 'Resource' and 'NotResource' cannot both be present");
        }
        if (resource < 0 && notResource < 0) {
            return kind == PolicyKind.IDENTITY ? fail("element 'Resource' or 'NotResource' is required") : null;
        }
        String name = resource >= 0 ? "Resource" : "NotResource";
        int value = resource >= 0 ? resource : notResource;
        int count = stringCount(value);
        if (count < 0) {
            return fail("element '" + name + "' " + NOT_STRINGS);
        }
        ResourcePattern[] patterns = new ResourcePattern[count];
        int string = firstString(value);
        for (int i = 0; i < count; i++, string = tape.next(string)) {
            Parsed<ResourcePattern> pattern = ResourcePattern.parse(tape.string(string), variables);
            if (pattern.failed()) {
                return fail("element '" + name + "': " + pattern.problem());
            }
            patterns[i] = pattern.value();
        }
        return new ResourceSpec(notResource >= 0, List.of(patterns));
    }

    private static final String NOT_STRINGS = "must be a string or a non-empty array of strings";

    /**
     * How many strings a string or a non-empty array of strings holds, or -1 when the value is
     * neither. Every element is checked before any is parsed, so a wrong type is reported first.
     */
    private int stringCount(int value) {
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
    private int firstString(int value) {
        return tape.isString(value) ? value : JsonTape.first(value);
    }
}
