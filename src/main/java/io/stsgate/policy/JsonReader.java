package io.stsgate.policy;

import java.util.HashSet;

/**
 * A strict RFC 8259 reader. It validates the whole text into a {@link JsonTape}, which policy readers
 * walk without a tree of objects; {@link #read} builds the tree for the rest ({@link JsonTree}). This class reads the
 * structure (values, objects, arrays, duplicate keys); {@link JsonLexer} reads the tokens. Recursion is bounded by
 * {@code maxDepth}, so no input can overflow the stack; every character is looked at a bounded number
 * of times, and duplicate keys are found through a hash set in large objects, so time is linear.
 */
final class JsonReader {

    /** Reader settings. {@code policyCharset} admits only tab, LF, CR and U+0020..U+00FF, as IAM does. */
    record Options(int maxDepth, boolean policyCharset, boolean rejectDuplicateKeys) {
    }

    /** Objects with more members than this find duplicate keys through a hash set instead of a scan. */
    private static final int SCAN_LIMIT = JsonMembers.SCAN_LIMIT;

    private final Options options;
    private final JsonTape tape;
    private final JsonLexer lexer;

    private JsonReader(JsonTape tape, Options options) {
        this.tape = tape;
        this.options = options;
        this.lexer = new JsonLexer(tape, options.policyCharset());
    }

    /**
     * Validates the text into a tape whose root is node 0. The tape is this thread's and is reused by
     * the next call on the thread: read it before reading another text.
     */
    static JsonTape scan(String text, Options options) {
        JsonTape tape = JsonTape.of(text);
        JsonReader reader = new JsonReader(tape, options);
        JsonLexer lexer = reader.lexer;
        lexer.skipWhitespace();
        reader.value(0);
        lexer.skipWhitespace();
        if (!lexer.atEnd()) {
            char c = lexer.peek();
            throw lexer.error(options.policyCharset() && !PolicyText.allowed(c) ? PolicyText.charsetProblem(c)
                    : "unexpected text after the JSON value");
        }
        return tape;
    }

    /** Reads the text into a tree of values. */
    static JsonValue read(String text, Options options) {
        return JsonTree.of(scan(text, options), 0);
    }

    private void value(int depth) {
        if (lexer.atEnd()) {
            throw lexer.error("unexpected end of input");
        }
        char c = lexer.peek();
        switch (c) {
            case '{':
                object(depth + 1);
                return;
            case '[':
                array(depth + 1);
                return;
            case '"':
                lexer.string(false);
                return;
            case 't':
                lexer.keyword("true");
                tape.add(JsonTape.TRUE, 0, 0, 0);
                return;
            case 'f':
                lexer.keyword("false");
                tape.add(JsonTape.FALSE, 0, 0, 0);
                return;
            case 'n':
                lexer.keyword("null");
                tape.add(JsonTape.NULL, 0, 0, 0);
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    lexer.number();
                    return;
                }
                throw lexer.unexpected();
        }
    }

    private void object(int depth) {
        checkDepth(depth);
        lexer.skip();
        int object = tape.add(JsonTape.OBJECT, 0, 0, -1);
        lexer.skipWhitespace();
        if (lexer.peek() == '}') {
            lexer.skip();
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
            lexer.skipWhitespace();
            if (lexer.peek() != '"') {
                throw lexer.unexpected();
            }
            int keyStart = lexer.position();
            int key = lexer.string(true);
            lexer.skipWhitespace();
            lexer.expect(':');
            lexer.skipWhitespace();
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
                    throw lexer.errorAt(keyStart, "duplicate key '" + PolicyText.quote(tape.string(key)) + "'");
                }
                tape.markRepeated(key);
                repeated = repeated < 0 ? key : repeated;
            } else {
                members++;
            }
            lexer.skipWhitespace();
            char c = lexer.peek();
            if (c == '}') {
                lexer.skip();
                tape.close(object, members, repeated);
                return;
            } else if (c != ',') {
                throw lexer.unexpected();
            }
            lexer.skip();
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
        lexer.skip();
        int array = tape.add(JsonTape.ARRAY, 0, 0, 0);
        lexer.skipWhitespace();
        if (lexer.peek() == ']') {
            lexer.skip();
            tape.close(array, 0, 0);
            return;
        }
        int elements = 0;
        while (true) {
            lexer.skipWhitespace();
            value(depth);
            elements++;
            lexer.skipWhitespace();
            char c = lexer.peek();
            if (c == ']') {
                lexer.skip();
                tape.close(array, elements, 0);
                return;
            } else if (c != ',') {
                throw lexer.unexpected();
            }
            lexer.skip();
        }
    }

    private void checkDepth(int depth) {
        if (depth > options.maxDepth()) {
            throw lexer.error("nesting is deeper than " + options.maxDepth() + " levels");
        }
    }
}
