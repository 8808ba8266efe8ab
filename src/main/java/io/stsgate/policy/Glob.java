package io.stsgate.policy;

/**
 * A compiled wildcard pattern: {@code *} matches any run of characters (including none), {@code ?}
 * exactly one. Matching never allocates and never recurses; it keeps a single backtrack point, so it
 * runs in O(pattern x subject) at worst and linear time on ordinary patterns.
 */
final class Glob {

    /** Token for {@code *}. Characters are tokens with their own (non-negative) value. */
    static final int ANY_RUN = -1;
    /** Token for {@code ?}. */
    static final int ANY_ONE = -2;

    /** The pattern when it has no wildcards (compared with regionMatches), else null. */
    private final String literal;
    private final int[] tokens;
    private final boolean matchesAll;

    private Glob(String literal, int[] tokens) {
        this.literal = literal;
        this.tokens = tokens;
        boolean onlyRuns = tokens != null && tokens.length > 0;
        if (tokens != null) {
            for (int token : tokens) {
                onlyRuns &= token == ANY_RUN;
            }
        }
        this.matchesAll = onlyRuns;
    }

    /** A glob over tokens; wildcard tokens are {@link #ANY_RUN} and {@link #ANY_ONE}. */
    Glob(int[] tokens) {
        this(null, tokens);
    }

    private static final Glob EMPTY = new Glob("", null);
    private static final Glob STAR = new Glob(null, new int[] { ANY_RUN });

    /** Compiles text in which {@code *} and {@code ?} are wildcards. */
    static Glob compile(String pattern) {
        if (pattern.isEmpty()) {
            return EMPTY;
        }
        if (pattern.length() == 1 && pattern.charAt(0) == '*') {
            return STAR;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return new Glob(pattern, null);
        }
        int[] tokens = new int[pattern.length()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = wildcardToken(pattern.charAt(i));
        }
        return new Glob(null, tokens);
    }

    static int wildcardToken(char c) {
        if (c == '*') {
            return ANY_RUN;
        }
        return c == '?' ? ANY_ONE : c;
    }

    boolean matchesAll() {
        return matchesAll;
    }

    boolean matches(String subject) {
        return matches(subject, 0, subject.length(), false);
    }

    /** Matches the whole range {@code [from, to)} of the subject. */
    boolean matches(String subject, int from, int to, boolean ignoreCase) {
        if (literal != null) {
            if (to - from != literal.length()) {
                return false;
            }
            if (!ignoreCase && from == 0 && to == subject.length()) {
                return literal.equals(subject);
            }
            return subject.regionMatches(ignoreCase, from, literal, 0, literal.length());
        }
        return matchesAll || matches(tokens, tokens.length, subject, from, to, ignoreCase);
    }

    /** Matches the first {@code n} tokens against the whole range {@code [from, to)} of the subject. */
    static boolean matches(int[] tokens, int n, String subject, int from, int to, boolean ignoreCase) {
        int p = 0;
        int s = from;
        int starP = -1;
        int starS = from;
        while (s < to) {
            if (p < n && tokens[p] == ANY_RUN) {
                starP = p++;
                starS = s;
            } else if (p < n && (tokens[p] == ANY_ONE || same(tokens[p], subject.charAt(s), ignoreCase))) {
                p++;
                s++;
            } else if (starP >= 0) {
                // Only the most recent star is retried: earlier stars can never need a longer run.
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < n && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == n;
    }

    private static boolean same(int token, char c, boolean ignoreCase) {
        return token == c || (ignoreCase && token >= 0 && fold(token) == fold(c));
    }

    static int fold(int c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
        return Character.toLowerCase(c);
    }
}
