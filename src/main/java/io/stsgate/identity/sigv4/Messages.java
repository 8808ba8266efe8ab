package io.stsgate.identity.sigv4;

import java.time.Duration;

/** Client-facing message fragments shared by the parsers. */
final class Messages {

    private static final int MAX_QUOTED = 128;

    private Messages() {
    }

    /** A client-supplied value to echo in a message, cut to a safe length and stripped of control characters. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    /** A skew as AWS writes it: {@code 15 min.}. */
    static String skew(Duration skew) {
        long seconds = skew.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
    }
}
