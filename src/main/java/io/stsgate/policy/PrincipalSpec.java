package io.stsgate.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's Principal ({@code negated} false) or NotPrincipal element: {@code "*"} or a map from
 * principal type (AWS, Federated, Service, CanonicalUser) to identifiers. Several identifiers are ORed.
 */
public final class PrincipalSpec {

    private static final List<String> TYPES = List.of("AWS", "Federated", "Service", "CanonicalUser");

    private final boolean negated;
    private final boolean anyone;
    private final Map<String, List<String>> values;
    private final List<String> awsAccounts = new ArrayList<>();
    private final List<String> awsArns = new ArrayList<>();

    private PrincipalSpec(boolean negated, boolean anyone, Map<String, List<String>> values) {
        this.negated = negated;
        this.values = java.util.Collections.unmodifiableMap(values);
        boolean wildcard = anyone;
        for (String aws : values.getOrDefault("AWS", List.of())) {
            if (aws.equals("*")) {
                wildcard = true;
            } else if (isAccountId(aws)) {
                awsAccounts.add(aws);
            } else if (aws.endsWith(":root")) {
                awsAccounts.add(arnAccount(aws));
            } else {
                awsArns.add(aws);
            }
        }
        this.anyone = wildcard;
    }

    /** True for NotPrincipal. */
    public boolean negated() {
        return negated;
    }

    /** True for {@code "*"} or {@code {"AWS": "*"}}. */
    public boolean anyone() {
        return anyone;
    }

    /** Identifiers by principal type, as written. Empty when the element is {@code "*"}. */
    public Map<String, List<String>> values() {
        return values;
    }

    static Parsed<PrincipalSpec> parse(JsonTape tape, int json, boolean negated) {
        if (tape.isString(json)) {
            return tape.textEquals(json, "*") ? Parsed.ok(new PrincipalSpec(negated, true, Map.of()))
                    : Parsed.failure("must be \"*\" or an object such as {\"AWS\": ...}");
        }
        if (!tape.isObject(json)) {
            return Parsed.failure("must be \"*\" or an object such as {\"AWS\": ...}");
        }
        if (tape.repeatedKey(json) >= 0) {
            return Parsed.failure("duplicate principal type '" + PolicyText.quote(tape.string(tape.repeatedKey(json))) + "'");
        }
        if (tape.size(json) == 0) {
            return Parsed.failure("must name at least one principal");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int key = JsonTape.first(json), end = tape.end(json); key < end; key = tape.nextKey(key)) {
            String type = tape.string(key);
            if (!TYPES.contains(type)) {
                return Parsed.failure("unknown principal type '" + PolicyText.quote(type)
                        + "' (expected AWS, Federated, Service or CanonicalUser)");
            }
            Parsed<List<String>> ids = identifiers(tape, JsonTape.value(key));
            if (ids.failed()) {
                return Parsed.failure("principal type '" + type + "' " + ids.problem());
            }
            for (String id : ids.value()) {
                String problem = type.equals("AWS") ? awsProblem(id) : otherProblem(id);
                if (problem != null) {
                    return Parsed.failure("invalid " + type + " principal '" + PolicyText.quote(id) + "': " + problem);
                }
            }
            values.put(type, ids.value());
        }
        return Parsed.ok(new PrincipalSpec(negated, false, values));
    }

    private static Parsed<List<String>> identifiers(JsonTape tape, int json) {
        if (tape.isString(json)) {
            return Parsed.ok(List.of(tape.string(json)));
        }
        if (tape.isArray(json) && tape.size(json) > 0) {
            List<String> out = new ArrayList<>();
            for (int element = JsonTape.first(json), end = tape.end(json); element < end; element = tape.next(element)) {
                if (!tape.isString(element)) {
                    return Parsed.failure("must be a string or a non-empty array of strings");
                }
                out.add(tape.string(element));
            }
            return Parsed.ok(List.copyOf(out));
        }
        return Parsed.failure("must be a string or a non-empty array of strings");
    }

    private static String awsProblem(String id) {
        if (id.equals("*") || isAccountId(id)) {
            return null;
        }
        if (id.indexOf('*') >= 0 || id.indexOf('?') >= 0) {
            return "partial wildcards are not allowed; use \"*\", an account id or an ARN";
        }
        String[] segments = id.split(":", 6);
        if (segments.length < 6 || !segments[0].equals("arn") || segments[1].isEmpty()
                || !(segments[2].equals("iam") || segments[2].equals("sts")) || !segments[3].isEmpty()
                || !isAccountId(segments[4]) || segments[5].isEmpty()) {
            return "expected \"*\", a 12-digit account id or an IAM/STS ARN";
        }
        return null;
    }

    private static String otherProblem(String id) {
        if (id.isEmpty()) {
            return "must not be empty";
        }
        if (id.indexOf('*') >= 0 || id.indexOf('?') >= 0) {
            return "wildcards are not allowed";
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) <= ' ') {
                return "whitespace is not allowed";
            }
        }
        return null;
    }

    static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String arnAccount(String arn) {
        return arn.split(":", 6)[4];
    }

    /** Whether the element names the principal (before NotPrincipal negation). */
    boolean names(RequestPrincipal principal) {
        if (anyone) {
            return true;
        }
        String type = principal.type();
        if (type.equals("AWS")) {
            if (principal.account() != null && awsAccounts.contains(principal.account())) {
                return true;
            }
            return namesIdentifier(awsArns, principal);
        }
        List<String> ids = values.get(type);
        return ids != null && namesIdentifier(ids, principal);
    }

    private static boolean namesIdentifier(List<String> ids, RequestPrincipal principal) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id.equals(principal.arn()) || principal.alsoMatches().contains(id)) {
                return true;
            }
        }
        return false;
    }

    String elementName() {
        return negated ? "NotPrincipal" : "Principal";
    }

    @Override
    public String toString() {
        return elementName() + (anyone && values.isEmpty() ? "=*" : "=" + values);
    }
}
