package io.stsgate.identity.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The SigV4 timestamp format {@code yyyyMMdd'T'HHmmss'Z'} and the RFC 1123 {@code Date} header fallback. */
final class AmzDate {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss 'GMT'",
            Locale.US).withResolverStyle(ResolverStyle.STRICT);

    private AmzDate() {
    }

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'}; empty if malformed. */
    static Optional<Instant> parseBasic(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return Optional.empty();
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8),
                    digits(text, 9, 11), digits(text, 11, 13), digits(text, 13, 15)).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses an HTTP date ({@code Mon, 01 Jan 2024 00:00:00 GMT}); empty if malformed. The day name is not checked
     * against the date, as AWS does not (its own test suite signs "Mon, 09 Sep 2011", a Friday).
     */
    static Optional<Instant> parseHttpDate(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        String value = text.strip();
        int comma = value.indexOf(',');
        if (comma >= 0) {
            value = value.substring(comma + 1).strip();
        }
        try {
            return Optional.of(LocalDateTime.parse(value, HTTP_DATE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Formats as {@code yyyyMMdd'T'HHmmss'Z'}, truncated to the second. */
    static String format(Instant instant) {
        return BASIC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
