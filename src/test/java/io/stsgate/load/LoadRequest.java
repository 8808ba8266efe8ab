package io.stsgate.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request as {@code src/test/load/requests.lua} reads it: a line of a request file. */
record LoadRequest(String method, String path, String body, Map<String, String> headers) {

    /** Method, path, body (URL-encoded form, may be empty), then {@code Name: value} headers, tab-separated. */
    String line() {
        var fields = new LinkedHashMap<String, String>(headers);
        var line = new StringBuilder(method).append('\t').append(path).append('\t').append(body);
        fields.forEach((name, value) -> line.append('\t').append(name).append(": ").append(value));
        return line.toString();
    }
}
