package io.stsgate.api.query;

import java.util.List;
import java.util.Map;

/** An HTTP request to the Query endpoint, as received. */
record QueryRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
        String contentType, String remoteAddress, boolean secure, String userAgent) {
}
