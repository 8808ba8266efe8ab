package io.stsgate.policy;

/**
 * Reads the date forms IAM accepts into epoch milliseconds without allocating: epoch seconds
 * ({@code 1577836800}), a date ({@code 2020-01-01}), and a date-time with optional seconds, fraction
 * and zone ({@code 2020-01-01T00:00:00Z}, {@code 2020-01-01T00:00:00.123+02:00}). No zone means UTC.
 */
final class EpochMillis {

    static final long INVALID = Long.MIN_VALUE;

    private EpochMillis() {
    }

    static long parse(String s) {
        int n = s.length();
        if (n == 0 || n > 40) {
            return INVALID;
        }
        long epochSeconds = epochSeconds(s);
        if (epochSeconds != INVALID) {
            return epochSeconds * 1000;
        }
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long days = daysFromCivil(year, month, day);
        if (n == 10) {
            return days * 86_400_000L;
        }
        if (n < 16 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return INVALID;
        }
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = 0;
        int millis = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            second = i + 3 <= n ? digits(s, i + 1, i + 3) : -1;
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                    millis = i - start < 3 ? millis * 10 + (s.charAt(i) - '0') : millis;
                    i++;
                }
                if (i == start) {
                    return INVALID;
                }
                for (int scale = i - start; scale < 3; scale++) {
                    millis *= 10;
                }
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int offsetMinutes = offsetMinutes(s, i);
        if (offsetMinutes == Integer.MIN_VALUE) {
            return INVALID;
        }
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        return seconds * 1000 + millis;
    }

    /** Minutes east of UTC for the zone designator at {@code i}, or MIN_VALUE if malformed. */
    private static int offsetMinutes(String s, int i) {
        int n = s.length();
        if (i == n || (i == n - 1 && s.charAt(i) == 'Z')) {
            return 0;
        }
        char sign = s.charAt(i);
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours;
        int minutes;
        if (n - i == 6 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, i + 3);
            minutes = digits(s, i + 4, i + 6);
        } else if (n - i == 5) {
            hours = digits(s, i + 1, i + 3);
            minutes = digits(s, i + 3, i + 5);
        } else if (n - i == 3) {
            hours = digits(s, i + 1, i + 3);
            minutes = 0;
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 60 + minutes;
        return sign == '-' ? -total : total;
    }

    private static long epochSeconds(String s) {
        int i = s.charAt(0) == '-' ? 1 : 0;
        int n = s.length();
        if (n - i < 1 || n - i > 12) {
            return INVALID;
        }
        long value = 0;
        for (int j = i; j < n; j++) {
            if (!isDigit(s.charAt(j))) {
                return INVALID;
            }
            value = value * 10 + (s.charAt(j) - '0');
        }
        return i == 1 ? -value : value;
    }

    private static int digits(String s, int from, int to) {
        if (to > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
