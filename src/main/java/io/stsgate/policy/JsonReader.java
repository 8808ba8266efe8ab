package io.stsgate.policy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonBoolean;
import io.stsgate.policy.JsonValue.JsonNull;
import io.stsgate.policy.JsonValue.JsonNumber;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/**
 * A strict RFC 8259 reader. It validates the whole text into a {@link JsonTape}, which policy readers
 * walk without a tree of objects; {@link #read} builds the tree for the rest. Recursion is bounded by
 * {@code maxDepth}, so no input can overflow the stack; every character is looked at a bounded number
 * of times, and duplicate keys are found through a hash set in large objects, so time is linear.
 */
final class JsonReader {

    /** Reader settings. {@code policyCharset} admits only tab, LF, CR and U+0020..U+00FF, as IAM does. */
    record Options(int maxDepth, boolean policyCharset, boolean rejectDuplicateKeys) {
    }

    /** Objects with more members than this find duplicate keys through a hash set instead of a scan. */
    private static final int SCAN_LIMIT = JsonMembers.SCAN_LIMIT;

    private static final JsonBoolean TRUE = new JsonBoolean(true);
    private static final JsonBoolean FALSE = new JsonBoolean(false);
    private static final JsonNull NULL = new JsonNull();
    private static final JsonArray EMPTY_ARRAY = new JsonArray(List.of());
    private static final String[] NO_KEYS = {};
    private static final int[] NO_HASHES = {};
    private static final JsonValue[] NO_VALUES = {};

    private final String text;
    private final char[] chars;
    private final int length;
    private final Options options;
    private final boolean policyCharset;
    private final JsonTape tape;
    private int pos;

    private JsonReader(JsonTape tape, Options options) {
        this.tape = tape;
        this.text = tape.text();
        this.length = text.length();
        this.chars = tape.chars();
        this.options = options;
        this.policyCharset = options.policyCharset();
    }

    /**
     * Validates the text into a tape whose root is node 0. The tape is this thread's and is reused by
     * the next call on the thread: read it before reading another text.
     */
    static JsonTape scan(String text, Options options) {
        JsonTape tape = JsonTape.of(text);
        JsonReader reader = new JsonReader(tape, options);
        reader.skipWhitespace();
        reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < reader.length) {
            char c = reader.chars[reader.pos];
            throw reader.error(options.policyCharset() && !PolicyText.allowed(c) ? PolicyText.charsetProblem(c)
                    : "unexpected text after the JSON value");
        }
        return tape;
    }

    /** Reads the text into a tree of values. */
    static JsonValue read(String text, Options options) {
        return tree(scan(text, options), 0);
    }

    private static JsonValue tree(JsonTape tape, int node) {
        switch (tape.kind(node)) {
            case JsonTape.OBJECT: {
                int n = tape.size(node);
                if (n == 0) {
                    return new JsonObject(new JsonMembers(NO_KEYS, NO_HASHES, NO_VALUES), null);
                }
                String[] keys = new String[n];
                int[] hashes = new int[n];
                JsonValue[] values = new JsonValue[n];
                int i = 0;
                for (int key = JsonTape.first(node), end = tape.end(node); key < end; key = tape.nextKey(key)) {
                    if (!tape.repeated(key)) {
                        keys[i] = tape.string(key);
                        hashes[i] = tape.keyHash(key);
                        values[i++] = tree(tape, JsonTape.value(key));
                    }
                }
                int repeated = tape.repeatedKey(node);
                return new JsonObject(new JsonMembers(keys, hashes, values), repeated < 0 ? null : tape.string(repeated));
            }
            case JsonTape.ARRAY: {
                int n = tape.size(node);
                if (n == 0) {
                    return EMPTY_ARRAY;
                }
                JsonValue[] elements = new JsonValue[n];
                int i = 0;
                for (int element = JsonTape.first(node), end = tape.end(node); element < end; element = tape.next(element)) {
                    elements[i++] = tree(tape, element);
                }
                return new JsonArray(Arrays.asList(elements));
            }
            case JsonTape.STRING:
                return new JsonString(tape.string(node));
            case JsonTape.NUMBER:
                return new JsonNumber(tape.string(node));
            case JsonTape.TRUE:
                return TRUE;
            case JsonTape.FALSE:
                return FALSE;
            default:
                return NULL;
        }
    }

    private void value(int depth) {
        if (pos >= length) {
            throw error("unexpected end of input");
        }
        char c = chars[pos];
        switch (c) {
            case '{':
                object(depth + 1);
                return;
            case '[':
                array(depth + 1);
                return;
            case '"':
                string(false);
                return;
            case 't':
                keyword("true");
                tape.add(JsonTape.TRUE, 0, 0, 0);
                return;
            case 'f':
                keyword("false");
                tape.add(JsonTape.FALSE, 0, 0, 0);
                return;
            case 'n':
                keyword("null");
                tape.add(JsonTape.NULL, 0, 0, 0);
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    return;
                }
                throw unexpected();
        }
    }

    private void object(int depth) {
        checkDepth(depth);
        pos++;
        int object = tape.add(JsonTape.OBJECT, 0, 0, -1);
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            tape.close(object, 0, -1);
            return;
        }
        int members = 0;
        // Every key read, repeated ones too: a scan passes them all, so it must stay short.
        int keys = 0;
        int repeated = -1;
        // Keys already read, for duplicate checks once the object is too large to scan. A HashSet of
        // strings, rare in policies, keeps even keys with colliding hashes from making this quadratic.
        HashSet<String> seen = null;
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw unexpected();
            }
            int keyStart = pos;
            int key = string(true);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            value(depth);
            if (seen == null && keys++ > SCAN_LIMIT) {
                seen = new HashSet<>();
                for (int k = JsonTape.first(object); k < key; k = tape.nextKey(k)) {
                    seen.add(tape.string(k));
                }
            }
            if (seen != null ? !seen.add(tape.string(key)) : scanKeys(object, key)) {
                // The first value of a repeated key is kept.
                if (options.rejectDuplicateKeys()) {
                    pos = keyStart;
                    throw error("duplicate key '" + PolicyText.quote(tape.string(key)) + "'");
                }
                tape.markRepeated(key);
                repeated = repeated < 0 ? key : repeated;
            } else {
                members++;
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                tape.close(object, members, repeated);
                return;
            } else if (c != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    /** Whether an earlier key of the object equals this key. */
    private boolean scanKeys(int object, int key) {
        int hash = tape.keyHash(key);
        for (int k = JsonTape.first(object); k < key; k = tape.nextKey(k)) {
            if (tape.keyHash(k) == hash && tape.sameText(k, key)) {
                return true;
            }
        }
        return false;
    }

    private void array(int depth) {
        checkDepth(depth);
        pos++;
        int array = tape.add(JsonTape.ARRAY, 0, 0, 0);
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            tape.close(array, 0, 0);
            return;
        }
        int elements = 0;
        while (true) {
            skipWhitespace();
            value(depth);
            elements++;
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                tape.close(array, elements, 0);
                return;
            } else if (c != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    /**
     * Reads a string into a node and returns it; a key's node gets its String hash. The fast loop covers
     * strings without escapes, control characters or characters outside Latin-1; anything else
     * continues in {@link #slowString}, which applies every rule.
     */
    private int string(boolean key) {
        final char[] cs = chars;
        final int n = length;
        int start = pos + 1;
        int p = start;
        int hash = 0;
        while (p < n) {
            char c = cs[p];
            if (c == '"') {
                pos = p + 1;
                return tape.add(key ? JsonTape.STRING | JsonTape.KEY : JsonTape.STRING, start, p, hash);
            }
            if (c < 0x20 || c == '\\' || c > 0xFF) {
                break;
            }
            // Values are never looked up by hash: only keys pay for it.
            if (key) {
                hash = 31 * hash + c;
            }
            p++;
        }
        return slowString(start, p, key);
    }

    /** Continues reading a string at {@code p}, which began at {@code start}. */
    private int slowString(int start, int p, boolean key) {
        pos = p;
        int decodedFrom = -1;
        while (true) {
            if (pos >= length) {
                throw error("unterminated string");
            }
            char c = chars[pos];
            if (c == '"') {
                int node;
                if (decodedFrom < 0) {
                    node = key ? tape.add(JsonTape.STRING | JsonTape.KEY, start, pos, KnownStrings.hash(chars, start, pos))
                            : tape.add(JsonTape.STRING, start, pos, 0);
                } else {
                    tape.decode(start, pos);
                    node = tape.addDecoded(decodedFrom, key);
                }
                pos++;
                return node;
            }
            if (c < 0x20) {
                throw error("unescaped control character in string");
            }
            checkCharset(c);
            if (c != '\\') {
                pos++;
                continue;
            }
            if (decodedFrom < 0) {
                decodedFrom = tape.decodedLength();
            }
            tape.decode(start, pos);
            tape.decode(escape());
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

    private void number() {
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
        tape.add(JsonTape.NUMBER, start, pos, 0);
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
