package io.stsgate.identity.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claim path syntax of {@link VerifiedToken#claim(String)}: member names separated by dots, each descending into
 * a JSON object ({@code realm_access.roles}); a name that contains dots or brackets is written as a JSON string in
 * brackets ({@code ["https://aws.amazon.com/tags"].principal_tags}), with {@code \"} and {@code \\} escapes. There is
 * no array indexing and no wildcard.
 */
final class ClaimPath {

    private ClaimPath() {
    }

    /** The value at {@code path}, or null when a step is missing or not an object. */
    static Object resolve(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String name : parse(path)) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(name);
        }
        return current;
    }

    /** @throws IllegalArgumentException for a path that does not follow the syntax */
    static List<String> parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty claim path");
        }
        List<String> names = new ArrayList<>(2);
        int i = 0;
        int n = path.length();
        while (true) {
            if (path.charAt(i) == '[') {
                StringBuilder name = new StringBuilder();
                if (i + 1 >= n || path.charAt(i + 1) != '"') {
                    throw invalid(path, "'[' must be followed by a quoted name");
                }
                i += 2;
                while (true) {
                    if (i >= n) {
                        throw invalid(path, "unterminated quoted name");
                    }
                    char c = path.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (i >= n || path.charAt(i) != '"' && path.charAt(i) != '\\') {
                            throw invalid(path, "only \\\" and \\\\ escapes are allowed");
                        }
                        c = path.charAt(i++);
                    }
                    name.append(c);
                }
                if (i >= n || path.charAt(i) != ']') {
                    throw invalid(path, "a quoted name must be closed by ']'");
                }
                i++;
                names.add(name.toString());
            } else {
                int start = i;
                while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
                    if (path.charAt(i) == ']' || path.charAt(i) == '"') {
                        throw invalid(path, "unexpected " + path.charAt(i));
                    }
                    i++;
                }
                if (i == start) {
                    throw invalid(path, "empty name");
                }
                names.add(path.substring(start, i));
            }
            if (i == n) {
                return names;
            }
            if (path.charAt(i) == '.') {
                i++;
                if (i == n) {
                    throw invalid(path, "trailing '.'");
                }
            } else if (path.charAt(i) != '[') {
                throw invalid(path, "expected '.' or '[' after a name");
            }
        }
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("invalid claim path " + path + ": " + why);
    }
}
