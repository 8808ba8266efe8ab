package io.stsgate.identity.oidc;

/**
 * Token-supplied values (a key id, an audience, an issuer) as they may appear in a rejection detail: short, printable
 * ASCII, quoted. Never used for the token itself, its payload as a whole, or its signature.
 */
final class AuditText {

    private static final int MAX = 100;

    private AuditText() {
    }

    static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8).append('"');
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        if (text.length() > MAX) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.append('"').toString();
    }

    /** Whether {@code text} may be echoed to the client as AWS does with an issuer: printable ASCII, bounded. */
    static boolean clientSafe(String text) {
        if (text.isEmpty() || text.length() > 255) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c >= 0x7f || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }
}
