package io.stsgate.identity.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.stsgate.crypto.Hex;

/**
 * A raw query string, decoded for reading the {@code X-Amz-*} parameters and re-encoded in SigV4 canonical form
 * (RFC 3986 unreserved characters {@code A-Z a-z 0-9 - _ . ~} kept, everything else {@code %XX}; sorted by encoded
 * name, then encoded value).
 */
final class QueryString {

    static final QueryString EMPTY = new QueryString(List.of());

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** One decoded parameter and its canonical encoding. */
    record Parameter(String name, String value, String canonicalName, String canonicalValue) {
    }

    private static final Comparator<Parameter> CANONICAL_ORDER = Comparator.comparing(Parameter::canonicalName)
            .thenComparing(Parameter::canonicalValue);

    private final List<Parameter> parameters;

    private QueryString(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    /** Parses {@code rawQuery}; {@code +} is a space; a bad percent escape is rejected. */
    static Outcome<QueryString> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Outcome.ok(EMPTY);
        }
        List<Parameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int equals = rawQuery.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                byte[] name = decode(rawQuery, start, nameEnd);
                byte[] value = nameEnd == end ? new byte[0] : decode(rawQuery, nameEnd + 1, end);
                if (name == null || value == null) {
                    return Outcome.rejected(SigV4Failure.INCOMPLETE_SIGNATURE,
                            "The query string contains an invalid percent-encoding.");
                }
                parameters.add(new Parameter(new String(name, StandardCharsets.UTF_8),
                        new String(value, StandardCharsets.UTF_8), encode(name), encode(value)));
            }
            start = end + 1;
        }
        return Outcome.ok(new QueryString(List.copyOf(parameters)));
    }

    /** All decoded values of {@code name} (case-sensitive). */
    List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                values.add(parameter.value());
            }
        }
        return values;
    }

    boolean contains(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical query string, leaving out parameters named {@code excluded} (null: none). */
    String canonical(String excluded) {
        if (parameters.isEmpty()) {
            return "";
        }
        List<Parameter> sorted = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            if (excluded == null || !parameter.name().equals(excluded)) {
                sorted.add(parameter);
            }
        }
        sorted.sort(CANONICAL_ORDER);
        StringBuilder out = new StringBuilder();
        for (Parameter parameter : sorted) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(parameter.canonicalName()).append('=').append(parameter.canonicalValue());
        }
        return out.toString();
    }

    /** Percent-decodes {@code text[from, to)} to bytes; null on a malformed escape. */
    private static byte[] decode(String text, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = Hex.value(text.charAt(i + 1));
                int lo = Hex.value(text.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < to) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(utf8, 0, utf8.length);
            }
        }
        return out.toByteArray();
    }

    /** SigV4 URI encoding of raw bytes: unreserved characters as is, everything else {@code %XX} (upper case). */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            appendEncoded(out, b, false);
        }
        return out.toString();
    }

    static void appendEncoded(StringBuilder out, byte b, boolean keepSlash) {
        int c = b & 0xff;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '~' || (keepSlash && c == '/')) {
            out.append((char) c);
        } else {
            out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }
}
