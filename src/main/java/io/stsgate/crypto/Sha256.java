package io.stsgate.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 with one {@link MessageDigest} per thread. */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private Sha256() {
    }

    /** SHA-256 of {@code data}. */
    public static byte[] digest(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest.digest(data);
    }

    /** Lower-case hex SHA-256 of {@code data}. */
    public static String hex(byte[] data) {
        return Hex.encode(digest(data));
    }
}
