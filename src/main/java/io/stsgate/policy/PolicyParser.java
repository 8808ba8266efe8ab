package io.stsgate.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/**
 * Parses IAM policy documents strictly: unknown elements, wrong types, duplicate keys, unknown
 * operators and invalid values are all rejected with a message naming the statement and the field.
 * This class is the one place that throws {@link PolicyParseException}; the element readers return
 * their problems.
 */
public final class PolicyParser {

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final int SID_SCAN_LIMIT = 16;

    private PolicyParser() {
    }

    /** Parses a policy of any kind; the evaluator enforces the rules of the kind it evaluates. */
    public static PolicyDocument parse(String json) throws PolicyParseException {
        return parse(json, PolicyKind.ANY, PolicyLimits.DEFAULT);
    }

    /** Parses an identity or session policy: Principal and NotPrincipal are rejected, Resource required. */
    public static PolicyDocument parseIdentityPolicy(String json) throws PolicyParseException {
        return parse(json, PolicyKind.IDENTITY, PolicyLimits.DEFAULT);
    }

    /** Parses a trust policy: every statement must name a Principal or NotPrincipal. */
    public static PolicyDocument parseTrustPolicy(String json) throws PolicyParseException {
        return parse(json, PolicyKind.TRUST, PolicyLimits.DEFAULT);
    }

    public static PolicyDocument parse(String json, PolicyKind kind, PolicyLimits limits)
            throws PolicyParseException {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(limits, "limits");
        if (json == null) {
            throw new PolicyParseException("Policy document is missing");
        }
        if (json.length() > limits.maxChars()) {
            throw new PolicyParseException("Policy document is longer than " + limits.maxChars() + " characters");
        }
        JsonValue root;
        try {
            root = JsonReader.read(json, new JsonReader.Options(limits.maxDepth(), true, false));
        } catch (JsonSyntaxException e) {
            throw new PolicyParseException(e.getMessage());
        }
        return document(root, kind, limits);
    }

    private static PolicyDocument document(JsonValue root, PolicyKind kind, PolicyLimits limits) {
        if (!(root instanceof JsonObject object)) {
            throw new PolicyParseException("Policy document must be a JSON object");
        }
        if (object.duplicateKey() != null) {
            throw new PolicyParseException("duplicate top-level element '" + PolicyText.quote(object.duplicateKey()) + "'");
        }
        JsonMembers members = object.table();
        for (int i = 0; i < members.size(); i++) {
            String key = members.keyAt(i);
            if (!TOP_LEVEL.contains(key)) {
                throw new PolicyParseException("unknown top-level element '" + PolicyText.quote(key) + "'");
            }
        }
        String version = optionalString(object, "Version");
        if (version != null && !version.equals(PolicyDocument.VERSION_2012)
                && !version.equals(PolicyDocument.VERSION_2008)) {
            throw new PolicyParseException("element 'Version' must be \"2012-10-17\" or \"2008-10-17\"");
        }
        String id = optionalString(object, "Id");
        List<JsonValue> elements = statementElements(object.members().get("Statement"), limits);
        boolean variables = PolicyDocument.VERSION_2012.equals(version);
        List<Statement> statements = new ArrayList<>(elements.size());
        // Few statements: a scan of the earlier Sids is cheaper than hashing every Sid.
        Map<String, Integer> sids = elements.size() > SID_SCAN_LIMIT ? new HashMap<>() : null;
        for (int i = 0; i < elements.size(); i++) {
            Parsed<Statement> statement = StatementReader.read(elements.get(i), i, kind, variables);
            if (statement.failed()) {
                throw new PolicyParseException(statement.problem());
            }
            String sid = statement.value().sid();
            if (sid != null && !sid.isEmpty()) {
                Integer earlier = sids != null ? sids.putIfAbsent(sid, i) : earlierSid(statements, sid);
                if (earlier != null) {
                    throw new PolicyParseException("Statement '" + PolicyText.quote(sid) + "' (index " + i
                            + "): duplicate Sid (also used by index " + earlier + ")");
                }
            }
            statements.add(statement.value());
        }
        return new PolicyDocument(version, id, statements);
    }

    /** The index of the first earlier statement with this Sid, or null. */
    private static Integer earlierSid(List<Statement> statements, String sid) {
        for (int j = 0; j < statements.size(); j++) {
            if (sid.equals(statements.get(j).sid())) {
                return j;
            }
        }
        return null;
    }

    private static String optionalString(JsonObject object, String name) {
        JsonValue value = object.members().get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new PolicyParseException("element '" + name + "' must be a string");
        }
        return string.value();
    }

    private static List<JsonValue> statementElements(JsonValue value, PolicyLimits limits) {
        if (value == null) {
            throw new PolicyParseException("element 'Statement' is missing");
        }
        if (value instanceof JsonObject) {
            return List.of(value);
        }
        if (!(value instanceof JsonArray array)) {
            throw new PolicyParseException("element 'Statement' must be an object or an array of objects");
        }
        if (array.elements().isEmpty()) {
            throw new PolicyParseException("element 'Statement' must not be empty");
        }
        if (array.elements().size() > limits.maxStatements()) {
            throw new PolicyParseException("Policy has more than " + limits.maxStatements() + " statements");
        }
        return array.elements();
    }
}
