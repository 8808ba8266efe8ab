package io.stsgate.policy;

/**
 * Per-thread scratch space for patterns whose variables are resolved per request, so that matching
 * them allocates nothing. One pattern at a time: callers use the buffer and are done before the next.
 */
final class TokenBuffer {

    private static final ThreadLocal<TokenBuffer> LOCAL = ThreadLocal.withInitial(TokenBuffer::new);

    private int[] tokens = new int[256];
    private int length;

    static TokenBuffer get() {
        return LOCAL.get();
    }

    void clear() {
        length = 0;
    }

    void add(int token) {
        if (length == tokens.length) {
            tokens = java.util.Arrays.copyOf(tokens, tokens.length * 2);
        }
        tokens[length++] = token;
    }

    /** Appends policy text: its {@code *} and {@code ?} as wildcards, other characters as themselves. */
    void addPattern(String text) {
        int n = text.length();
        ensure(n);
        int[] out = tokens;
        int at = length;
        for (int i = 0; i < n; i++) {
            out[at + i] = Glob.wildcardToken(text.charAt(i));
        }
        length = at + n;
    }

    /** Appends the characters of text as literal tokens. */
    void addLiteral(String text) {
        int n = text.length();
        ensure(n);
        int[] out = tokens;
        int at = length;
        for (int i = 0; i < n; i++) {
            out[at + i] = text.charAt(i);
        }
        length = at + n;
    }

    private void ensure(int more) {
        if (length + more > tokens.length) {
            tokens = java.util.Arrays.copyOf(tokens, Math.max(tokens.length * 2, length + more));
        }
    }

    boolean matches(String subject, int from, int to) {
        return Glob.matches(tokens, length, subject, from, to, false);
    }
}
