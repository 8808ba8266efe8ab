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

    boolean matches(String subject, int from, int to) {
        return Glob.matches(tokens, length, subject, from, to, false);
    }
}
