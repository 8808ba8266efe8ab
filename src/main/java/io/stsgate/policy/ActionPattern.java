package io.stsgate.policy;

/** One value of an Action or NotAction element: {@code *} or {@code service:pattern}, case-insensitive. */
public final class ActionPattern {

    private final String text;
    private final Glob glob;

    private ActionPattern(String text) {
        this.text = text;
        // No lower-casing needed: matching folds the case of both sides.
        this.glob = Glob.compile(text);
    }

    static Parsed<ActionPattern> parse(String text) {
        if (text.equals("*")) {
            return Parsed.ok(new ActionPattern(text));
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Parsed.failure(invalid(text));
        }
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (!(isAlnum(c) || c == '-')) {
                return Parsed.failure(invalid(text));
            }
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAlnum(c) || c == '*' || c == '?' || c == '-' || c == '_' || c == '.')) {
                return Parsed.failure(invalid(text));
            }
        }
        return Parsed.ok(new ActionPattern(text));
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
        return glob.matches(action, 0, action.length(), true);
    }

    @Override
    public String toString() {
        return text;
    }
}
