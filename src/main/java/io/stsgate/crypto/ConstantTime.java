package io.stsgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons whose duration does not depend on where the inputs first differ. */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** True when both arrays are non-null and hold the same bytes. A null never equals anything. */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }

    /** True when both strings are non-null and have the same UTF-8 bytes. A null never equals anything. */
    public static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
