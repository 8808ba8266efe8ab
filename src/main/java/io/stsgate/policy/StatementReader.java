package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/** Reads and validates one statement; problems name the statement (Sid and index) and the element. */
final class StatementReader {

    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");

    private StatementReader() {
    }

    static Parsed<Statement> read(JsonValue json, int index, PolicyKind kind, boolean variables) {
        if (!(json instanceof JsonObject object)) {
            return Parsed.failure("Statement (index " + index + "): must be an object, not " + JsonValue.typeName(json));
        }
        Map<String, JsonValue> members = object.members();
        JsonValue sidValue = members.get("Sid");
        if (sidValue != null && !(sidValue instanceof JsonString)) {
            return Parsed.failure("Statement (index " + index + "): element 'Sid' must be a string");
        }
        String sid = sidValue == null ? null : ((JsonString) sidValue).value();
        String where = sid != null ? "Statement '" + PolicyText.quote(sid) + "' (index " + index + "): "
                : "Statement (index " + index + "): ";
        String problem = checkKeys(object);
        if (problem != null) {
            return Parsed.failure(where + problem);
        }
        Parsed<Statement> statement = elements(members, index, sid, kind, variables);
        return statement.failed() ? Parsed.failure(where + statement.problem()) : statement;
    }

    private static String checkKeys(JsonObject object) {
        if (object.duplicateKey() != null) {
            return "duplicate element '" + PolicyText.quote(object.duplicateKey()) + "'";
        }
        JsonMembers members = object.table();
        for (int i = 0; i < members.size(); i++) {
            String key = members.keyAt(i);
            if (!ELEMENTS.contains(key)) {
                return "unknown element '" + PolicyText.quote(key) + "'";
            }
        }
        return null;
    }

    private static Parsed<Statement> elements(Map<String, JsonValue> members, int index, String sid, PolicyKind kind,
            boolean variables) {
        JsonValue effectValue = members.get("Effect");
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
        JsonValue conditionValue = members.get("Condition");
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

    private static Parsed<PrincipalSpec> principal(Map<String, JsonValue> members, PolicyKind kind) {
        JsonValue principal = members.get("Principal");
        JsonValue notPrincipal = members.get("NotPrincipal");
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

    private static Parsed<ActionSpec> action(Map<String, JsonValue> members) {
        JsonValue action = members.get("Action");
        JsonValue notAction = members.get("NotAction");
        if (action != null && notAction != null) {
            return Parsed.failure("elements 'Action' and 'NotAction' cannot both be present");
        }
        if (action == null && notAction == null) {
            return Parsed.failure("element 'Action' or 'NotAction' is required");
        }
        String name = action != null ? "Action" : "NotAction";
        Parsed<List<String>> texts = strings(action != null ? action : notAction);
        if (texts.failed()) {
            return Parsed.failure("element '" + name + "' " + texts.problem());
        }
        List<ActionPattern> patterns = new ArrayList<>();
        for (String text : texts.value()) {
            Parsed<ActionPattern> pattern = ActionPattern.parse(text);
            if (pattern.failed()) {
                return Parsed.failure("element '" + name + "': " + pattern.problem());
            }
            patterns.add(pattern.value());
        }
        return Parsed.ok(new ActionSpec(notAction != null, patterns));
    }

    private static Parsed<ResourceSpec> resource(Map<String, JsonValue> members, PolicyKind kind, boolean variables) {
        JsonValue resource = members.get("Resource");
        JsonValue notResource = members.get("NotResource");
        if (resource != null && notResource != null) {
            return Parsed.failure("elements 'Resource' and 'NotResource' cannot both be present");
        }
        if (resource == null && notResource == null) {
            return kind == PolicyKind.IDENTITY
                    ? Parsed.failure("element 'Resource' or 'NotResource' is required")
                    : Parsed.ok(null);
        }
        String name = resource != null ? "Resource" : "NotResource";
        Parsed<List<String>> texts = strings(resource != null ? resource : notResource);
        if (texts.failed()) {
            return Parsed.failure("element '" + name + "' " + texts.problem());
        }
        List<ResourcePattern> patterns = new ArrayList<>();
        for (String text : texts.value()) {
            Parsed<ResourcePattern> pattern = ResourcePattern.parse(text, variables);
            if (pattern.failed()) {
                return Parsed.failure("element '" + name + "': " + pattern.problem());
            }
            patterns.add(pattern.value());
        }
        return Parsed.ok(new ResourceSpec(notResource != null, patterns));
    }

    /** A string or a non-empty array of strings. */
    private static Parsed<List<String>> strings(JsonValue value) {
        if (value instanceof JsonString string) {
            return Parsed.ok(List.of(string.value()));
        }
        if (value instanceof JsonArray array && !array.elements().isEmpty()) {
            List<String> out = new ArrayList<>(array.elements().size());
            for (JsonValue element : array.elements()) {
                if (!(element instanceof JsonString string)) {
                    return Parsed.failure("must be a string or a non-empty array of strings");
                }
                out.add(string.value());
            }
            return Parsed.ok(out);
        }
        return Parsed.failure("must be a string or a non-empty array of strings");
    }
}
