package io.stsgate.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses IAM policy documents strictly: unknown elements, wrong types, duplicate keys, unknown
 * operators and invalid values are all rejected with a message naming the statement and the field.
 * This class is the one place that throws {@link PolicyParseException}; the element readers return
 * their problems. The JSON text is validated whole first (a syntax error anywhere outranks any other
 * problem), then the readers walk its {@link JsonTape}.
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

    /** Parses a role trust policy: every statement must name a Principal; NotPrincipal is refused. */
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
        JsonTape tape;
        try {
            tape = JsonReader.scan(json, new JsonReader.Options(limits.maxDepth(), true, false));
        } catch (JsonSyntaxException e) {
            throw new PolicyParseException(e.getMessage());
        }
        return document(tape, kind, limits);
    }

    private static PolicyDocument document(JsonTape tape, PolicyKind kind, PolicyLimits limits) {
        int object = 0;
        if (!tape.isObject(object)) {
            throw new PolicyParseException("Policy document must be a JSON object");
        }
        if (tape.repeatedKey(object) >= 0) {
            throw new PolicyParseException(
                    "duplicate top-level element '" + PolicyText.quote(tape.string(tape.repeatedKey(object))) + "'");
        }
        for (int key = JsonTape.first(object), end = tape.end(object); key < end; key = tape.nextKey(key)) {
            String name = tape.string(key);
            if (!TOP_LEVEL.contains(name)) {
                throw new PolicyParseException("unknown top-level element '" + PolicyText.quote(name) + "'");
            }
        }
        String version = optionalString(tape, object, "Version");
        if (version != null && !version.equals(PolicyDocument.VERSION_2012)
                && !version.equals(PolicyDocument.VERSION_2008)) {
            throw new PolicyParseException("element 'Version' must be \"2012-10-17\" or \"2008-10-17\"");
        }
        String id = optionalString(tape, object, "Id");
        int elements = statementElements(tape, tape.member(object, "Statement"), limits);
        int count = tape.isArray(elements) ? tape.size(elements) : 1;
        boolean variables = PolicyDocument.VERSION_2012.equals(version);
        List<Statement> statements = new ArrayList<>(count);
        // Few statements: a scan of the earlier Sids is cheaper than hashing every Sid.
        Map<String, Integer> sids = count > SID_SCAN_LIMIT ? new HashMap<>() : null;
        StatementReader reader = new StatementReader(tape, kind, variables);
        int element = tape.isArray(elements) ? JsonTape.first(elements) : elements;
        for (int i = 0; i < count; i++, element = tape.next(element)) {
            Statement statement = reader.read(element, i);
            if (statement == null) {
                throw new PolicyParseException(reader.problem());
            }
            String sid = statement.sid();
            if (sid != null && !sid.isEmpty()) {
                Integer earlier = sids != null ? sids.putIfAbsent(sid, i) : earlierSid(statements, sid);
                if (earlier != null) {
                    throw new PolicyParseException("Statement '" + PolicyText.quote(sid) + "' (index " + i
                            + "): duplicate Sid (also used by index " + earlier + ")");
                }
            }
            statements.add(statement);
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

    private static String optionalString(JsonTape tape, int object, String name) {
        int value = tape.member(object, name);
        if (value < 0) {
            return null;
        }
        if (!tape.isString(value)) {
            throw new PolicyParseException("element '" + name + "' must be a string");
        }
        return tape.string(value);
    }

    /** The Statement element, validated as an object or a non-empty, bounded array. */
    private static int statementElements(JsonTape tape, int value, PolicyLimits limits) {
        if (value < 0) {
            throw new PolicyParseException("element 'Statement' is missing");
        }
        if (tape.isObject(value)) {
            return value;
        }
        if (!tape.isArray(value)) {
            throw new PolicyParseException("element 'Statement' must be an object or an array of objects");
        }
        if (tape.size(value) == 0) {
            throw new PolicyParseException("element 'Statement' must not be empty");
        }
        if (tape.size(value) > limits.maxStatements()) {
            throw new PolicyParseException("Policy has more than " + limits.maxStatements() + " statements");
        }
        return value;
    }
}
