package io.stsgate.identity.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The request headers indexed by lower-case name; values of names differing only in case are merged. */
final class RequestHeaders {

    private final Map<String, List<String>> byName;

    private RequestHeaders(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    static RequestHeaders of(Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new HashMap<>(Math.max(16, headers.size() * 2));
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() == null || header.getValue() == null) {
                continue;
            }
            String name = header.getKey().toLowerCase(Locale.ROOT);
            List<String> existing = byName.get(name);
            if (existing == null) {
                byName.put(name, header.getValue());
            } else {
                List<String> merged = new ArrayList<>(existing);
                merged.addAll(header.getValue());
                byName.put(name, merged);
            }
        }
        return new RequestHeaders(byName);
    }

    /** The values of a header, given its lower-case name; empty if absent. */
    List<String> values(String lowerCaseName) {
        List<String> values = byName.get(lowerCaseName);
        return values == null ? List.of() : values;
    }

    boolean contains(String lowerCaseName) {
        return !values(lowerCaseName).isEmpty();
    }
}
