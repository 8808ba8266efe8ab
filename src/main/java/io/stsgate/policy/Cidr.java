package io.stsgate.policy;

/** An IPv4 or IPv6 range; a bare address is a single host (/32 or /128). */
record Cidr(IpAddress base, int prefix) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        IpAddress address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int max = address.v6() ? 128 : 32;
        if (slash < 0) {
            return new Cidr(address, max);
        }
        String digits = text.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return null;
        }
        int prefix = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            prefix = prefix * 10 + (c - '0');
        }
        return prefix > max ? null : new Cidr(address, prefix);
    }

    /** Whether an IPv4 address, as its 32-bit value, is in this range; always false for IPv6 ranges. */
    boolean containsV4(long address) {
        if (base.v6()) {
            return false;
        }
        long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
        return (address & mask) == (base.low() & mask);
    }

    boolean contains(IpAddress address) {
        if (address.v6() != base.v6()) {
            return false;
        }
        if (!base.v6()) {
            return containsV4(address.low());
        }
        long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        return (address.high() & highMask) == (base.high() & highMask)
                && (address.low() & lowMask) == (base.low() & lowMask);
    }
}
