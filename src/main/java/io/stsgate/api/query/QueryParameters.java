package io.stsgate.api.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;

/**
 * The parameters of an AWS Query request: query string and form body merged, with the {@code Name.member.N} list
 * convention. A parameter given twice is refused rather than guessed at.
 */
public final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParameters parse(String rawQuery, String formBody) {
        var values = new LinkedHashMap<String, String>();
        addAll(values, rawQuery);
        addAll(values, formBody);
        return new QueryParameters(values);
    }

    private static void addAll(Map<String, String> values, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.putIfAbsent(key, value) != null) {
                throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                        "The parameter " + key + " was given more than once.");
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                    "The request contains a malformed percent-encoding.");
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A non-empty value, or empty when the parameter is absent. */
    public String value(String name) {
        return values.get(name);
    }

    /** {@code Name.member.N} for N = 1, 2, …; gaps or a non-numeric N are refused. */
    public List<String> members(String name) {
        var byIndex = indexed(name + ".member.", "");
        return List.copyOf(byIndex.values());
    }

    /** {@code Name.member.N.Field} structures, each as a field map, in order of N. */
    public List<Map<String, String>> memberStructures(String name, List<String> fields) {
        var result = new TreeMap<Integer, Map<String, String>>();
        for (String field : fields) {
            indexed(name + ".member.", "." + field).forEach(
                    (index, value) -> result.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(field, value));
        }
        checkContiguous(name, result.keySet());
        return new ArrayList<>(result.values());
    }

    private TreeMap<Integer, String> indexed(String prefix, String suffix) {
        var byIndex = new TreeMap<Integer, String>();
        for (var entry : values.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(prefix) && key.endsWith(suffix) && key.length() > prefix.length() + suffix.length()) {
                String index = key.substring(prefix.length(), key.length() - suffix.length());
                if (index.contains(".")) {
                    continue;
                }
                byIndex.put(memberIndex(prefix, index), entry.getValue());
            }
        }
        if (suffix.isEmpty()) {
            checkContiguous(prefix.substring(0, prefix.length() - ".member.".length()), byIndex.keySet());
        }
        return byIndex;
    }

    private static int memberIndex(String prefix, String index) {
        try {
            // ASCII digits only: parseInt alone also reads "+1" and other scripts' digits as the same index.
            int n = index.length() <= 4 && index.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Integer.parseInt(index)
                    : -1;
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                "Invalid list member index '" + index + "' for " + prefix + "N.");
    }

    private static void checkContiguous(String name, java.util.Set<Integer> indexes) {
        int expected = 1;
        for (int index : indexes) {
            if (index != expected++) {
                throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.INVALID_PARAMETER,
                        "The list " + name + " must be numbered from 1 without gaps.");
            }
        }
    }
}
