package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonBoolean;
import io.stsgate.policy.JsonValue.JsonNull;
import io.stsgate.policy.JsonValue.JsonNumber;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/**
 * A strict RFC 8259 reader. Recursion is bounded by {@code maxDepth}, so no input can overflow the
 * stack; every character is looked at a bounded number of times, so time is linear.
 */
final class JsonReader {

    /** Reader settings. {@code policyCharset} admits only tab, LF, CR and U+0020..U+00FF, as IAM does. */
    record Options(int maxDepth, boolean policyCharset, boolean rejectDuplicateKeys) {
    }

    /**
     * Keys and values that recur in every policy. Reading them returns these instances, whose hash
     * codes are already computed, instead of new strings. Found through {@link #KNOWN}, an
     * open-addressed table indexed by the string's hash, which the reader computes as it scans.
     */
    private static final String[] COMMON_STRINGS = { "Version", "Id", "Statement", "Sid", "Effect", "Principal",
            "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition", "AWS", "Federated", "Service",
            "CanonicalUser", "Allow", "Deny", "*", "2012-10-17", "2008-10-17", "true", "false", "StringEquals",
            "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
            "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BoolIfExists", "BinaryEquals", "IpAddress",
            "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null", "StringEqualsIfExists",
            "StringLikeIfExists", "aws:SourceIp", "aws:SecureTransport", "aws:MultiFactorAuthPresent",
            "aws:MultiFactorAuthAge", "aws:RequestedRegion", "aws:PrincipalTag", "aws:username", "aws:userid",
            "aws:CurrentTime", "aws:TokenIssueTime", "aws:SourceArn", "aws:SourceAccount", "aws:PrincipalArn",
            "aws:PrincipalAccount", "aws:PrincipalOrgID", "sts:ExternalId", "s3:prefix" };
    private static final int KNOWN_MASK = 255;
    private static final String[] KNOWN = new String[KNOWN_MASK + 1];

    static {
        for (String known : COMMON_STRINGS) {
            int slot = known.hashCode() & KNOWN_MASK;
            while (KNOWN[slot] != null && !KNOWN[slot].equals(known)) {
                slot = (slot + 1) & KNOWN_MASK;
            }
            KNOWN[slot] = known;
        }
    }

    private static final JsonBoolean TRUE = new JsonBoolean(true);
    private static final JsonBoolean FALSE = new JsonBoolean(false);
    private static final JsonNull NULL = new JsonNull();

    private final String text;
    /** The text as an array: scanning an array is markedly faster than String.charAt. */
    private final char[] chars;
    private final int length;
    private final Options options;
    private final boolean policyCharset;
    private int pos;

    private JsonReader(String text, Options options) {
        this.text = text;
        this.chars = text.toCharArray();
        this.length = chars.length;
        this.options = options;
        this.policyCharset = options.policyCharset();
    }

    static JsonValue read(String text, Options options) {
        JsonReader reader = new JsonReader(text, options);
        reader.skipWhitespace();
        JsonValue value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < reader.length) {
            char c = reader.chars[reader.pos];
            throw reader.error(options.policyCharset() && !PolicyText.allowed(c) ? PolicyText.charsetProblem(c)
                    : "unexpected text after the JSON value");
        }
        return value;
    }

    private JsonValue value(int depth) {
        if (pos >= length) {
            throw error("unexpected end of input");
        }
        char c = chars[pos];
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return new JsonString(string());
            case 't':
                keyword("true");
                return TRUE;
            case 'f':
                keyword("false");
                return FALSE;
            case 'n':
                keyword("null");
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw unexpected();
        }
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        pos++;
        JsonMembers members = new JsonMembers();
        String duplicate = null;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonObject(members, null);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw unexpected();
            }
            int keyStart = pos;
            String key = key();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue member = value(depth);
            if (!members.add(key, member)) {
                if (options.rejectDuplicateKeys()) {
                    pos = keyStart;
                    throw error("duplicate key '" + PolicyText.quote(key) + "'");
                }
                duplicate = duplicate == null ? key : duplicate;
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new JsonObject(members, duplicate);
            } else if (c != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    private JsonArray array(int depth) {
        checkDepth(depth);
        pos++;
        List<JsonValue> elements = new ArrayList<>(4);
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new JsonArray(elements);
            } else if (c != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    private String key() {
        return string();
    }

    /**
     * Reads a string. The fast loop covers strings without escapes, control characters or characters
     * outside Latin-1, hashing as it goes so that common strings come back as shared instances; anything
     * else continues in {@link #slowString}, which applies every rule.
     */
    private String string() {
        final char[] cs = chars;
        final int n = length;
        int start = pos + 1;
        int p = start;
        int hash = 0;
        while (p < n) {
            char c = cs[p];
            if (c == '"') {
                pos = p + 1;
                String known = KNOWN[hash & KNOWN_MASK];
                if (known != null) {
                    int slot = hash & KNOWN_MASK;
                    do {
                        if (known.length() == p - start && known.hashCode() == hash && text.startsWith(known, start)) {
                            return known;
                        }
                        slot = (slot + 1) & KNOWN_MASK;
                        known = KNOWN[slot];
                    } while (known != null);
                }
                return text.substring(start, p);
            }
            if (c < 0x20 || c == '\\' || c > 0xFF) {
                break;
            }
            hash = 31 * hash + c;
            p++;
        }
        return slowString(start, p);
    }

    /** Continues reading a string at {@code p}, which began at {@code start}. */
    private String slowString(int start, int p) {
        pos = p;
        StringBuilder out = null;
        while (true) {
            if (pos >= length) {
                throw error("unterminated string");
            }
            char c = chars[pos];
            if (c == '"') {
                String result = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
                pos++;
                return result;
            }
            if (c < 0x20) {
                throw error("unescaped control character in string");
            }
            checkCharset(c);
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, start, pos);
            out.append(escape());
            start = pos;
        }
    }

    private char escape() {
        pos++;
        if (pos >= length) {
            throw error("unterminated escape sequence");
        }
        char c = chars[pos++];
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape();
            default:
                pos -= 2;
                throw error("invalid escape sequence");
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > length) {
            pos -= 2;
            throw error("invalid \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(chars[pos + i], 16);
            if (digit < 0 || chars[pos + i] > 'f') {
                pos -= 2;
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        char decoded = (char) value;
        if (policyCharset && !PolicyText.allowed(decoded)) {
            pos -= 2;
            throw error(PolicyText.charsetProblem(decoded));
        }
        pos += 4;
        return decoded;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                pos = start;
                throw error("leading zeros are not allowed in numbers");
            }
        } else if (!digits()) {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("invalid number: digits expected after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("invalid number: digits expected in exponent");
            }
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private boolean digits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void keyword(String word) {
        if (!text.startsWith(word, pos)) {
            throw unexpected();
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    /** The current character, or NUL at the end (NUL can never be valid there, so it fails later). */
    private char peek() {
        return pos < length ? chars[pos] : '\0';
    }

    private void skipWhitespace() {
        final char[] cs = chars;
        final int n = length;
        int p = pos;
        while (p < n) {
            char c = cs[p];
            if (c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r')) {
                break;
            }
            p++;
        }
        pos = p;
    }

    private void checkDepth(int depth) {
        if (depth > options.maxDepth()) {
            throw error("nesting is deeper than " + options.maxDepth() + " levels");
        }
    }

    private void checkCharset(char c) {
        if (policyCharset && !PolicyText.allowed(c)) {
            throw error(PolicyText.charsetProblem(c));
        }
    }

    private JsonSyntaxException unexpected() {
        if (pos >= length) {
            return error("unexpected end of input");
        }
        char c = chars[pos];
        if (options.policyCharset() && !PolicyText.allowed(c)) {
            return error(PolicyText.charsetProblem(c));
        }
        return error(c < 0x20 || c > 0x7e
                ? String.format("unexpected character U+%04X", (int) c)
                : "unexpected character '" + c + "'");
    }

    private JsonSyntaxException error(String problem) {
        int line = 1;
        int column = 1;
        int end = Math.min(pos, length);
        for (int i = 0; i < end; i++) {
            if (chars[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonSyntaxException("Syntax error at line " + line + ", column " + column + ": " + problem);
    }
}
