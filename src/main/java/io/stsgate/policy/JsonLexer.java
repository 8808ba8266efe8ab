package io.stsgate.policy;

/**
 * The tokens of {@link JsonReader}: a position in the text, whitespace, strings (with escapes and the policy
 * character set) and numbers written to the tape, keywords, and syntax errors that name line and column.
 * Strings take a fast loop for the common case and every rule in {@link #slowString}.
 */
final class JsonLexer {

    private final String text;
    private final char[] chars;
    private final int length;
    private final boolean policyCharset;
    private final JsonTape tape;
    private int pos;

    JsonLexer(JsonTape tape, boolean policyCharset) {
        this.tape = tape;
        this.text = tape.text();
        this.length = text.length();
        this.chars = tape.chars();
        this.policyCharset = policyCharset;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= length;
    }

    /** Moves past the current character. */
    void skip() {
        pos++;
    }

    /**
     * Reads a string into a node and returns it; a key's node gets its String hash. The fast loop covers
     * strings without escapes, control characters or characters outside Latin-1; anything else
     * continues in {@link #slowString}, which applies every rule.
     */
    int string(boolean key) {
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

    void number() {
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

    void keyword(String word) {
        if (!text.startsWith(word, pos)) {
            throw unexpected();
        }
        pos += word.length();
    }

    void expect(char c) {
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    /** The current character, or NUL at the end (NUL can never be valid there, so it fails later). */
    char peek() {
        return pos < length ? chars[pos] : '\0';
    }

    void skipWhitespace() {
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

    private void checkCharset(char c) {
        if (policyCharset && !PolicyText.allowed(c)) {
            throw error(PolicyText.charsetProblem(c));
        }
    }

    JsonSyntaxException unexpected() {
        if (pos >= length) {
            return error("unexpected end of input");
        }
        char c = chars[pos];
        if (policyCharset && !PolicyText.allowed(c)) {
            return error(PolicyText.charsetProblem(c));
        }
        return error(c < 0x20 || c > 0x7e
                ? String.format("unexpected character U+%04X", (int) c)
                : "unexpected character '" + c + "'");
    }

    /** An error at {@code position}, which becomes the current position. */
    JsonSyntaxException errorAt(int position, String problem) {
        pos = position;
        return error(problem);
    }

    JsonSyntaxException error(String problem) {
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
