package io.stsgate.policy;

/** One value of an Action or NotAction element: {@code *} or {@code service:pattern}, case-insensitive. */
public final class ActionPattern {

    private final String text;
    /**
     * The pattern compiled, with case folded while matching; made on first use, not at parse time, as
     * most patterns are only ever matched through {@link #lowerGlob}. Racing threads at worst both
     * compile it; a Glob's fields are final, so each sees either null or a whole Glob.
     */
    private Glob glob;
    /**
     * The lower-cased pattern (it is ASCII) compiled, for pre-lowered ASCII actions; made on first use,
     * not at parse time. A Glob's fields are final, so a racing thread sees either null or a whole Glob.
     */
    private Glob lowerGlob;

    private ActionPattern(String text) {
        this.text = text;
    }

    /**
     * The action lower-cased when it is all ASCII, else null. For ASCII text, lower-casing both sides
     * and comparing exactly is the same test as the case-folding match.
     */
    static String lowerAscii(String action) {
        for (int i = 0; i < action.length(); i++) {
            if (action.charAt(i) >= 0x80) {
                return null;
            }
        }
        return RequestContext.normalize(action);
    }

    /** {@code "*"}, shared: a pattern is immutable (its lazily made glob is derived from the text). */
    private static final ActionPattern ANY = new ActionPattern("*");
    private static final Parsed<ActionPattern> PARSED_ANY = Parsed.ok(ANY);

    static Parsed<ActionPattern> parse(String text) {
        if (text.equals("*")) {
            return PARSED_ANY;
        }
        String problem = problem(text);
        return problem != null ? Parsed.failure(problem) : Parsed.ok(new ActionPattern(text));
    }

    /** The pattern of a text that {@link #problem} accepted. */
    static ActionPattern of(String text) {
        return text.equals("*") ? ANY : new ActionPattern(text);
    }

    /** Why the text is not a valid action, or null when it is; checked apart so the valid path allocates nothing. */
    static String problem(String text) {
        if (text.equals("*")) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return invalid(text);
        }
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (!(isAlnum(c) || c == '-')) {
                return invalid(text);
            }
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAlnum(c) || c == '*' || c == '?' || c == '-' || c == '_' || c == '.')) {
                return invalid(text);
            }
        }
        return null;
    }

    private static String invalid(String text) {
        return "action '" + PolicyText.quote(text) + "' is invalid: an action must be \"*\" or \"service:action\"";
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The pattern as written in the policy. */
    public String text() {
        return text;
    }

    boolean matches(String action) {
        Glob compiled = glob;
        if (compiled == null) {
            compiled = Glob.compile(text);
            glob = compiled;
        }
        // Matching folds the case of both sides.
        return compiled.matches(action, 0, action.length(), true);
    }

    /** Same as {@link #matches(String)}; {@code lowerAction} is {@link #lowerAscii} of it, or null. */
    boolean matches(String action, String lowerAction) {
        if (lowerAction == null) {
            return matches(action);
        }
        Glob lower = lowerGlob;
        if (lower == null) {
            lower = Glob.compile(text.toLowerCase(java.util.Locale.ROOT));
            lowerGlob = lower;
        }
        return lower.matches(lowerAction, 0, lowerAction.length(), false);
    }

    @Override
    public String toString() {
        return text;
    }
}
