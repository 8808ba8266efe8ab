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
    /** The characters of each {@link #KNOWN} entry, compared against the buffer without touching the text. */
    private static final char[][] KNOWN_CHARS = new char[KNOWN_MASK + 1][];
    /** Each {@link #KNOWN} entry as a JSON value, shared: JsonString is immutable. */
    private static final JsonString[] KNOWN_VALUES = new JsonString[KNOWN_MASK + 1];
    /** The length of the longest {@link #KNOWN} entry: longer strings are not hashed while read. */
    private static final int MAX_KNOWN_LENGTH;
    /**
     * Which lengths and first characters {@link #KNOWN} entries have, at {@code length * 256 + first}:
     * most strings are ruled out by this alone, without being hashed.
     */
    private static final boolean[] KNOWN_SHAPES;

    static {
        for (String known : COMMON_STRINGS) {
            int slot = known.hashCode() & KNOWN_MASK;
            while (KNOWN[slot] != null && !KNOWN[slot].equals(known)) {
                slot = (slot + 1) & KNOWN_MASK;
            }
            KNOWN[slot] = known;
            KNOWN_CHARS[slot] = known.toCharArray();
            KNOWN_VALUES[slot] = new JsonString(known);
        }
        int longest = 0;
        for (String known : COMMON_STRINGS) {
            longest = Math.max(longest, known.length());
        }
        MAX_KNOWN_LENGTH = longest;
        KNOWN_SHAPES = new boolean[(longest + 1) * 256];
        for (String known : COMMON_STRINGS) {
            KNOWN_SHAPES[known.length() * 256 + known.charAt(0)] = true;
        }
    }

    /** Texts up to this length are read through a per-thread buffer instead of a fresh copy. */
    private static final int SHARED_BUFFER_LIMIT = 16 * 1024;
    private static final ThreadLocal<char[][]> BUFFER = ThreadLocal.withInitial(() -> new char[1][]);

    private static final JsonBoolean TRUE = new JsonBoolean(true);
    private static final JsonBoolean FALSE = new JsonBoolean(false);
    private static final JsonNull NULL = new JsonNull();
    private static final JsonArray EMPTY_ARRAY = new JsonArray(List.of());
    private static final String[] NO_KEYS = {};
    private static final int[] NO_HASHES = {};
    private static final JsonValue[] NO_VALUES = {};

    private final String text;
    /** The text as an array: scanning an array is markedly faster than String.charAt. */
    private final char[] chars;
    private final int length;
    private final Options options;
    private final boolean policyCharset;
    private int pos;
    /** The {@link #KNOWN} slot of the string {@link #string} read last, or -1 when it is not a shared one. */
    private int knownSlot;
    /** Elements of the arrays being read, innermost last; each array takes its own from the top. */
    private JsonValue[] stack;
    private int top;
    /** Members of the objects being read, innermost last; each object takes its own from the top. */
    private String[] keyStack;
    private int[] hashStack;
    private JsonValue[] memberStack;
    private int memberTop;

    private JsonReader(String text, Options options) {
        this.text = text;
        this.length = text.length();
        this.chars = buffer(text);
        this.options = options;
        this.policyCharset = options.policyCharset();
    }

    /**
     * The text's characters: a copy into this thread's reusable buffer for ordinary documents (the
     * reader never calls out while reading, so the buffer is never in use twice), a fresh array otherwise.
     * Characters past {@link #length} are stale and never read.
     */
    private static char[] buffer(String text) {
        int n = text.length();
        if (n > SHARED_BUFFER_LIMIT) {
            return text.toCharArray();
        }
        char[][] holder = BUFFER.get();
        char[] chars = holder[0];
        if (chars == null || chars.length < n) {
            chars = new char[Math.max(n, 1024)];
            holder[0] = chars;
        }
        text.getChars(0, n, chars, 0);
        return chars;
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
            case '"': {
                String string = string();
                return knownSlot >= 0 ? KNOWN_VALUES[knownSlot] : new JsonString(string);
            }
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
        String duplicate = null;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonObject(new JsonMembers(NO_KEYS, NO_HASHES, NO_VALUES), null);
        }
        if (keyStack == null) {
            keyStack = new String[16];
            hashStack = new int[16];
            memberStack = new JsonValue[16];
        }
        int base = memberTop;
        // Keys already read, for duplicate checks once the object is too large to scan.
        HashSet<String> seen = null;
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw unexpected();
            }
            int keyStart = pos;
            String key = key();
            // String caches its hash code, so later lookups of the key do not hash it again.
            int hash = key.hashCode();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue member = value(depth);
            if (seen == null && memberTop - base > JsonMembers.SCAN_LIMIT) {
                seen = new HashSet<>();
                for (int i = base; i < memberTop; i++) {
                    seen.add(keyStack[i]);
                }
            }
            if (seen != null ? !seen.add(key) : scanMembers(base, key, hash)) {
                // The first value of a repeated key is kept.
                if (options.rejectDuplicateKeys()) {
                    pos = keyStart;
                    throw error("duplicate key '" + PolicyText.quote(key) + "'");
                }
                duplicate = duplicate == null ? key : duplicate;
            } else {
                pushMember(key, hash, member);
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                // Exactly sized, without growing a table member by member.
                JsonMembers members = new JsonMembers(Arrays.copyOfRange(keyStack, base, memberTop),
                        Arrays.copyOfRange(hashStack, base, memberTop), Arrays.copyOfRange(memberStack, base, memberTop));
                memberTop = base;
                return new JsonObject(members, duplicate);
            } else if (c != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    /** Whether the object whose members start at {@code base} already has the key. */
    private boolean scanMembers(int base, String key, int hash) {
        for (int i = base; i < memberTop; i++) {
            if (hashStack[i] == hash && (keyStack[i] == key || keyStack[i].equals(key))) {
                return true;
            }
        }
        return false;
    }

    private void pushMember(String key, int hash, JsonValue member) {
        if (memberTop == keyStack.length) {
            int capacity = memberTop * 2;
            keyStack = Arrays.copyOf(keyStack, capacity);
            hashStack = Arrays.copyOf(hashStack, capacity);
            memberStack = Arrays.copyOf(memberStack, capacity);
        }
        keyStack[memberTop] = key;
        hashStack[memberTop] = hash;
        memberStack[memberTop] = member;
        memberTop++;
    }

    private JsonArray array(int depth) {
        checkDepth(depth);
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return EMPTY_ARRAY;
        }
        if (stack == null) {
            stack = new JsonValue[16];
        }
        int base = top;
        while (true) {
            skipWhitespace();
            JsonValue element = value(depth);
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = element;
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                // Exactly sized, without growing a list element by element.
                JsonValue[] elements = Arrays.copyOfRange(stack, base, top);
                top = base;
                return new JsonArray(Arrays.asList(elements));
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
     * outside Latin-1; common strings come back as shared instances, found by length and first
     * character, then by hash. Anything else continues in {@link #slowString}, which applies every rule.
     */
    private String string() {
        final char[] cs = chars;
        final int n = length;
        int start = pos + 1;
        int p = start;
        knownSlot = -1;
        while (p < n) {
            char c = cs[p];
            if (c == '"') {
                pos = p + 1;
                int len = p - start;
                if (len > 0 && len <= MAX_KNOWN_LENGTH && KNOWN_SHAPES[len * 256 + cs[start]]) {
                    // Could be a common string: hashed here, only now that its length is known.
                    int hash = 0;
                    for (int i = start; i < p; i++) {
                        hash = 31 * hash + cs[i];
                    }
                    int slot = hash & KNOWN_MASK;
                    String known = KNOWN[slot];
                    while (known != null) {
                        if (known.length() == len && known.hashCode() == hash
                                && Arrays.equals(cs, start, p, KNOWN_CHARS[slot], 0, len)) {
                            knownSlot = slot;
                            return known;
                        }
                        slot = (slot + 1) & KNOWN_MASK;
                        known = KNOWN[slot];
                    }
                }
                return text.substring(start, p);
            }
            if (c < 0x20 || c == '\\' || c > 0xFF) {
                break;
            }
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
