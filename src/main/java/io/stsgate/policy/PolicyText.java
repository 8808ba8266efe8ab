package io.stsgate.policy;

/** Rules for text inside policies: the IAM character set, and how user text is echoed in messages. */
final class PolicyText {

    /** Echoed policy text is cut to this length so a huge value cannot bloat a message. */
    static final int MAX_ECHO = 64;

    private PolicyText() {
    }

    static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF);
    }

    static String charsetProblem(char c) {
        return String.format("character U+%04X is not allowed in a policy (allowed: tab, LF, CR, U+0020..U+00FF)",
                (int) c);
    }

    /** Text from a policy or request, shortened for a message. */
    static String quote(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }
}
