package io.stsgate.policy;

/**
 * An IPv4 or IPv6 address as 128 bits (IPv4 in the low 32). Parsing is hand-written: no DNS lookup
 * can ever happen, and zone ids and leading-zero octets are refused.
 */
record IpAddress(boolean v6, long high, long low) {

    static IpAddress parse(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            long v4 = parseV4(s);
            return v4 < 0 ? null : new IpAddress(false, 0, v4);
        }
        return parseV6(s);
    }

    /** The 32-bit value of a dotted quad, or -1. */
    static long parseV4(String s) {
        long value = 0;
        int octets = 0;
        int i = 0;
        int n = s.length();
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || octet > 255 || (length > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == n ? value : -1;
    }

    private static IpAddress parseV6(String s) {
        int gap = s.indexOf("::");
        int[] groups = new int[8];
        if (gap < 0) {
            int[] all = groups(s, true);
            if (all == null || all.length != 8) {
                return null;
            }
            groups = all;
        } else {
            if (s.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            int[] head = groups(s.substring(0, gap), false);
            int[] tail = groups(s.substring(gap + 2), true);
            if (head == null || tail == null || head.length + tail.length > 7) {
                return null;
            }
            System.arraycopy(head, 0, groups, 0, head.length);
            System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new IpAddress(true, high, low);
    }

    /** 16-bit groups of a colon-separated run; a dotted quad may end the address. Null if malformed. */
    private static int[] groups(String part, boolean mayEndWithV4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        String last = pieces[pieces.length - 1];
        boolean v4 = mayEndWithV4 && last.indexOf('.') >= 0;
        int[] out = new int[pieces.length + (v4 ? 1 : 0)];
        for (int i = 0; i < pieces.length - (v4 ? 1 : 0); i++) {
            String piece = pieces[i];
            if (piece.isEmpty() || piece.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < piece.length(); j++) {
                int digit = Character.digit(piece.charAt(j), 16);
                if (digit < 0 || piece.charAt(j) > 'f') {
                    return null;
                }
                value = value * 16 + digit;
            }
            out[i] = value;
        }
        if (v4) {
            long quad = parseV4(last);
            if (quad < 0) {
                return null;
            }
            out[out.length - 2] = (int) (quad >>> 16);
            out[out.length - 1] = (int) (quad & 0xFFFF);
        }
        return out;
    }
}
