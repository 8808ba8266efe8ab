package io.stsgate.policy;

import java.util.Arrays;

/**
 * A JSON text as {@link JsonReader} validated it: every value is a node of four ints in one array, in
 * document order, and strings stay where they are in the text until someone asks for them. Policy
 * readers walk the nodes instead of a tree of objects, so reading a document allocates nearly nothing
 * beyond the strings the policy model keeps.
 *
 * <p>
 * A container's elements follow it, an object's as key, value, key, value...; a container knows where
 * the node after its last descendant is, so a value is skipped in one step. In an object, a key that
 * repeats an earlier one is marked and its member is ignored: the first value of a key counts.
 */
final class JsonTape {

    static final int OBJECT = 1;
    static final int ARRAY = 2;
    static final int STRING = 3;
    static final int NUMBER = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int NULL = 7;

    private static final int KIND = 0xFF;
    /** A string whose characters, unescaped, are in {@link #decoded} rather than in the text. */
    private static final int DECODED = 1 << 8;
    /** A key that repeats an earlier key of its object. */
    private static final int REPEATED = 1 << 9;
    /** An object's key, whose String hash the node holds. */
    static final int KEY = 1 << 10;
    private static final int STRIDE = 4;

    /** Tapes for texts up to this length are kept per thread and reused; larger ones are one-off. */
    private static final int SHARED_LIMIT = 16 * 1024;
    private static final ThreadLocal<JsonTape> LOCAL = ThreadLocal.withInitial(JsonTape::new);

    private String text;
    /** The text's characters (scanning an array is markedly faster than String.charAt); stale past its length. */
    private char[] chars = new char[1024];
    private char[] decoded = new char[64];
    private int decodedLength;
    /**
     * Per node: kind and flags; start and end of a string or number, or element count and next node of
     * a container; String hash of a key, or first repeated key node (-1 for none) of an object.
     */
    private int[] slots = new int[256];
    private int nodes;

    /** An empty tape holding the text: this thread's for ordinary documents, a fresh one for long ones. */
    static JsonTape of(String text) {
        JsonTape tape = text.length() > SHARED_LIMIT ? new JsonTape() : LOCAL.get();
        tape.reset(text);
        return tape;
    }

    private void reset(String text) {
        this.text = text;
        int n = text.length();
        if (chars.length < n) {
            chars = new char[n];
        }
        text.getChars(0, n, chars, 0);
        decodedLength = 0;
        nodes = 0;
    }

    char[] chars() {
        return chars;
    }

    String text() {
        return text;
    }

    // Writing, for JsonReader.

    /** Appends a node and returns it; containers are completed by {@link #close}. */
    int add(int kind, int a, int b, int c) {
        int at = nodes * STRIDE;
        if (at + STRIDE > slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[at] = kind;
        slots[at + 1] = a;
        slots[at + 2] = b;
        slots[at + 3] = c;
        return nodes++;
    }

    void close(int container, int count, int repeatedKey) {
        int at = container * STRIDE;
        slots[at + 1] = count;
        slots[at + 2] = nodes;
        slots[at + 3] = repeatedKey;
    }

    void markRepeated(int key) {
        slots[key * STRIDE] |= REPEATED;
    }

    /** Where decoded characters go next; see {@link #decode}. */
    int decodedLength() {
        return decodedLength;
    }

    void decode(char c) {
        if (decodedLength == decoded.length) {
            decoded = Arrays.copyOf(decoded, decoded.length * 2);
        }
        decoded[decodedLength++] = c;
    }

    void decode(int from, int to) {
        int n = to - from;
        if (decodedLength + n > decoded.length) {
            decoded = Arrays.copyOf(decoded, Math.max(decoded.length * 2, decodedLength + n));
        }
        System.arraycopy(chars, from, decoded, decodedLength, n);
        decodedLength += n;
    }

    /** A string node over {@code decoded[from, decodedLength)}; a key's node gets its String hash. */
    int addDecoded(int from, boolean key) {
        return key ? add(STRING | DECODED | KEY, from, decodedLength, KnownStrings.hash(decoded, from, decodedLength))
                : add(STRING | DECODED, from, decodedLength, 0);
    }

    // Reading.

    int kind(int node) {
        return slots[node * STRIDE] & KIND;
    }

    boolean isString(int node) {
        return kind(node) == STRING;
    }

    boolean isObject(int node) {
        return kind(node) == OBJECT;
    }

    boolean isArray(int node) {
        return kind(node) == ARRAY;
    }

    /** Elements of an array, or distinct members of an object. */
    int size(int container) {
        return slots[container * STRIDE + 1];
    }

    /** The node after this value and everything inside it. */
    int next(int node) {
        int kind = kind(node);
        return kind == OBJECT || kind == ARRAY ? slots[node * STRIDE + 2] : node + 1;
    }

    /** The first element of an array, or first key of an object; equal to {@link #end} when empty. */
    static int first(int container) {
        return container + 1;
    }

    /** The node after a container's last element or member. */
    int end(int container) {
        return slots[container * STRIDE + 2];
    }

    /** The key after this one in its object (or the object's {@link #end}). */
    int nextKey(int key) {
        return next(key + 1);
    }

    /** The value of an object member, given its key. */
    static int value(int key) {
        return key + 1;
    }

    /** Whether this key repeats an earlier key of its object, so that its member is to be ignored. */
    boolean repeated(int key) {
        return (slots[key * STRIDE] & REPEATED) != 0;
    }

    /** The first key of an object that repeats an earlier one, or -1. */
    int repeatedKey(int object) {
        return slots[object * STRIDE + 3];
    }

    /** The String hash of a key. */
    int keyHash(int key) {
        return slots[key * STRIDE + 3];
    }

    /** The value of the member named {@code name} (its first occurrence), or -1. */
    int member(int object, String name) {
        int hash = name.hashCode();
        for (int key = first(object), end = end(object); key < end; key = nextKey(key)) {
            if (keyHash(key) == hash && !repeated(key) && textEquals(key, name)) {
                return value(key);
            }
        }
        return -1;
    }

    /** Whether a string node holds exactly this text. */
    boolean textEquals(int node, String expected) {
        int at = node * STRIDE;
        int from = slots[at + 1];
        int length = slots[at + 2] - from;
        if (length != expected.length()) {
            return false;
        }
        char[] source = source(node);
        for (int i = 0; i < length; i++) {
            if (source[from + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether two string nodes hold the same text. */
    boolean sameText(int a, int b) {
        int from = slots[a * STRIDE + 1];
        int to = slots[a * STRIDE + 2];
        int otherFrom = slots[b * STRIDE + 1];
        int otherTo = slots[b * STRIDE + 2];
        return Arrays.equals(source(a), from, to, source(b), otherFrom, otherTo);
    }

    /** The length of a string, in characters. */
    int length(int node) {
        return slots[node * STRIDE + 2] - slots[node * STRIDE + 1];
    }

    /** The character at {@code i} of a string. */
    char charAt(int node, int i) {
        return source(node)[slots[node * STRIDE + 1] + i];
    }

    private char[] source(int node) {
        return (slots[node * STRIDE] & DECODED) != 0 ? decoded : chars;
    }

    /**
     * The text of a string node, or the lexeme of a number: a shared instance for common strings, a
     * copy otherwise. Callers ask once per node; each call makes a new copy.
     */
    String string(int node) {
        int at = node * STRIDE;
        int from = slots[at + 1];
        int to = slots[at + 2];
        char[] source = source(node);
        if ((slots[at] & KIND) == STRING && KnownStrings.mayBeKnown(source, from, to)) {
            // A key's hash is already known; a value is hashed only now that it may be a known one.
            int hash = (slots[at] & KEY) != 0 ? slots[at + 3] : KnownStrings.hash(source, from, to);
            String known = KnownStrings.find(source, from, to, hash);
            if (known != null) {
                return known;
            }
        }
        // Substrings of a Latin-1 text copy bytes; new String(char[]) would compress chars first.
        return source == chars ? text.substring(from, to) : new String(source, from, to - from);
    }

    /** A short name of the JSON type, for messages. */
    String typeName(int node) {
        switch (kind(node)) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case TRUE:
            case FALSE:
                return "a boolean";
            default:
                return "null";
        }
    }
}
