package io.stsgate.identity.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.stsgate.crypto.Hex;
import io.stsgate.crypto.Sha256;

/**
 * The SigV4 canonical request, rebuilt from what was received and the client's SignedHeaders:
 *
 * <pre>
 * METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n hex(SHA-256(body))
 * </pre>
 *
 * or the request's {@link SignedRequest#payloadHash()} in place of the body hash.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /** The canonical request, or empty when a header named in SignedHeaders is not in the request. */
    static Optional<String> build(SignedRequest request, RequestHeaders headers, QueryString query,
            SignatureParameters signature) {
        return build(request, headers, query, signature, false);
    }

    /**
     * @param s3Path S3's rules for the canonical URI: the path as the client sent it, decoded and encoded once, dot
     *        segments kept (every other service normalises the path and encodes it twice)
     */
    static Optional<String> build(SignedRequest request, RequestHeaders headers, QueryString query,
            SignatureParameters signature, boolean s3Path) {
        StringBuilder out = new StringBuilder(512);
        out.append(request.method()).append('\n');
        if (s3Path) {
            if (!appendS3Uri(out, request.rawPath())) {
                return Optional.empty();
            }
        } else {
            appendCanonicalUri(out, request.rawPath());
        }
        out.append('\n');
        out.append(query.canonical(signature.presigned() ? PresignedQuery.SIGNATURE : null)).append('\n');
        for (String name : signature.signedHeaderNames()) {
            List<String> values = headers.values(name);
            if (values.isEmpty()) {
                return Optional.empty();
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(out, values.get(i));
            }
            out.append('\n');
        }
        out.append('\n').append(signature.signedHeaders()).append('\n');
        out.append(request.payloadHash() != null ? request.payloadHash() : Sha256.hex(request.body()));
        return Optional.of(out.toString());
    }

    /** The path with dot segments removed, URI-encoded (so an encoded path is encoded twice, as AWS SDKs sign it). */
    static void appendCanonicalUri(StringBuilder out, String rawPath) {
        if (rawPath.isEmpty() || rawPath.equals("/")) {
            out.append('/');
            return;
        }
        String path = removeDotSegments(rawPath.startsWith("/") ? rawPath : "/" + rawPath);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            QueryString.appendEncoded(out, b, true);
        }
    }

    /** The S3 canonical URI; false when the path holds a malformed percent escape. */
    static boolean appendS3Uri(StringBuilder out, String rawPath) {
        if (rawPath.isEmpty()) {
            out.append('/');
            return true;
        }
        if (!rawPath.startsWith("/")) {
            out.append('/');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int hi = i + 2 < rawPath.length() ? Hex.value(rawPath.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : Hex.value(rawPath.charAt(i + 2));
                if (lo < 0) {
                    return false;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < rawPath.length()) {
                    utf8 = rawPath.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        for (byte b : bytes.toByteArray()) {
            QueryString.appendEncoded(out, b, true);
        }
        return true;
    }

    /** RFC 3986 section 5.2.4, keeping a trailing slash. */
    static String removeDotSegments(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.equals(".")) {
                if (last) {
                    segments.addLast("");
                }
            } else if (part.equals("..")) {
                segments.pollLast();
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(part);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Appends {@code value} trimmed, with each inner run of whitespace collapsed to one space. */
    private static void appendTrimmed(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        boolean inSpace = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                    inSpace = true;
                }
            } else {
                out.append(c);
                inSpace = false;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
