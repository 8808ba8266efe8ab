package io.stsgate.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * IAM-style unique ids ({@code AIDA…} for users, {@code AROA…} for roles): 85 random bits, drawn when the entry is
 * first stored and kept with it, so a role or user deleted and created again under the same name is another principal
 * and the sessions of the first one stay dead. Entries stored before ids were kept, and files not stored yet, fall
 * back to the id derived from the ARN that earlier versions used, so sessions issued before an upgrade stay valid.
 */
public final class UniqueIds {

    public static final String USER_PREFIX = "AIDA";
    public static final String ROLE_PREFIX = "AROA";
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int LENGTH = 17;
    private static final Pattern USER_ID = Pattern.compile(USER_PREFIX + "[A-Z0-9]{" + LENGTH + "}");
    private static final Pattern ROLE_ID = Pattern.compile(ROLE_PREFIX + "[A-Z0-9]{" + LENGTH + "}");

    private UniqueIds() {
    }

    public static String newUserId() {
        return USER_PREFIX + random();
    }

    public static String newRoleId() {
        return ROLE_PREFIX + random();
    }

    public static boolean isUserId(String id) {
        return id != null && USER_ID.matcher(id).matches();
    }

    public static boolean isRoleId(String id) {
        return id != null && ROLE_ID.matcher(id).matches();
    }

    /** The id of a user stored without one: derived from its ARN, as before ids were stored. */
    public static String legacyUserId(String arn) {
        return USER_PREFIX + digest(arn);
    }

    /** The id of a role stored without one: derived from its ARN, as before ids were stored. */
    public static String legacyRoleId(String arn) {
        return ROLE_PREFIX + digest(arn);
    }

    /** From a generator made per id at run time (a static one would be seeded at build time in a native image). */
    private static String random() {
        var random = new SecureRandom();
        var out = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    private static String digest(String arn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            var out = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                out.append(ALPHABET[(hash[i] & 0xff) % 32]);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
