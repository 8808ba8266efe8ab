package io.stsgate.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * IAM-style unique ids ({@code AIDA…} for users, {@code AROA…} for roles), derived from the ARN so they stay the same
 * across restarts and replicas without being stored.
 */
final class UniqueIds {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private UniqueIds() {
    }

    static String user(String arn) {
        return "AIDA" + digest(arn);
    }

    static String role(String arn) {
        return "AROA" + digest(arn);
    }

    private static String digest(String arn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            var out = new StringBuilder(17);
            for (int i = 0; i < 17; i++) {
                out.append(ALPHABET[(hash[i] & 0xff) % 32]);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
