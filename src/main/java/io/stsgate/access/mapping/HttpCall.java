package io.stsgate.access.mapping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the protected service received it, before any mapping: method, {@code Host}, the raw (still
 * percent-encoded) path and query, and the headers.
 *
 * @param headers names compared case-insensitively
 */
public record HttpCall(String method, String host, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public HttpCall {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        var sorted = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            sorted.putAll(headers);
        }
        headers = sorted;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The host without its port, lower case, or empty. */
    public String hostName() {
        if (host == null) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(']') < colon ? h.substring(0, colon) : h;
    }

    /** The query parameters, decoded, in order; a parameter without {@code =} has the empty value. */
    public Map<String, String> queryParameters() {
        var parameters = new LinkedHashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            parameters.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return parameters;
    }

    /** Percent-decodes a path segment or query part ({@code +} stays a plus in paths; SigV4 clients encode it). */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
