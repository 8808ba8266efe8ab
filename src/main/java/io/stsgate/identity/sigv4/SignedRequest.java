package io.stsgate.identity.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming HTTP request as the SigV4 verifier needs it, exactly as received.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the undecoded request path; empty means {@code /}
 * @param rawQuery the undecoded query string without {@code ?}, or null
 * @param headers the headers as received; names are compared case-insensitively
 * @param body the request body, empty if none
 * @param payloadHash the last line of the canonical request when it is not the SHA-256 of {@code body}: the signed
 *        {@code X-Amz-Content-Sha256} of an S3 request ({@code UNSIGNED-PAYLOAD}, {@code STREAMING-…}, or the hash
 *        of a body the verifier did not receive); null to hash {@code body}, as STS signs
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body, String payloadHash) {

    /** A request whose payload hash is the SHA-256 of its body (STS). */
    public SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        this(method, rawPath, rawQuery, headers, body, null);
    }

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null ? "" : rawPath;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    /** All values of the header {@code name} (case-insensitive), in the order received. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>(1);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                values.addAll(header.getValue());
            }
        }
        return values;
    }

    /** Shows the method, path, header names and body size; never header values or the query (they carry tokens). */
    @Override
    public String toString() {
        return "SignedRequest[method=" + method + ", rawPath=" + rawPath + ", query=" + (rawQuery == null ? "none"
                : "<" + rawQuery.length() + " chars>") + ", headers=" + headers.keySet() + ", body=<" + body.length
                + " bytes>]";
    }
}
