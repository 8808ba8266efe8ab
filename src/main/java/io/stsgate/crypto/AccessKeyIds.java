package io.stsgate.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Access key ids: a four-letter prefix ({@code ASIA} temporary, {@code AKIA} long-term) and 16 base32 characters
 * ({@code A-Z2-7}) encoding 80 bits.
 * <p>
 * Temporary ids are 80 random bits: they are minted without any shared state, by every replica, in any number per
 * second, and the secret derived for one is bound to it, so they must not collide (at 80 bits, a billion ids collide
 * with a probability under one in a million). Long-term ids carry the 12-digit account in the first 40 bits and 40
 * random bits after it, so {@code GetAccessKeyInfo} reads their account back; they are few and created one at a time
 * against the store.
 */
public final class AccessKeyIds {

    public static final String TEMPORARY_PREFIX = "ASIA";
    public static final String LONG_TERM_PREFIX = "AKIA";
    /** Total length of an access key id. */
    public static final int LENGTH = 20;

    private static final long MAX_ACCOUNT = 999_999_999_999L;
    private static final long FORTY_BITS = (1L << 40) - 1;

    private final SecureRandom random;

    public AccessKeyIds() {
        this(new SecureRandom());
    }

    public AccessKeyIds(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new {@code ASIA} id: 80 random bits. */
    public String newTemporary() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return TEMPORARY_PREFIX + Base32.encode(bytes);
    }

    /** A new {@code AKIA} id for {@code accountId} (12 digits). */
    public String newLongTerm(String accountId) {
        return LONG_TERM_PREFIX + body(accountId);
    }

    /** Whether {@code accessKeyId} has the temporary ({@code ASIA}) prefix. */
    public static boolean isTemporary(String accessKeyId) {
        return accessKeyId != null && accessKeyId.startsWith(TEMPORARY_PREFIX);
    }

    /** The 12-digit account encoded in a long-term id made by this class; empty for anything else. */
    public static Optional<String> accountOf(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() != LENGTH || !accessKeyId.startsWith(LONG_TERM_PREFIX)) {
            return Optional.empty();
        }
        String body = accessKeyId.substring(4);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return Optional.empty();
            }
        }
        byte[] bytes = Base32.decode(body);
        long account = 0;
        for (int i = 0; i < 5; i++) {
            account = (account << 8) | (bytes[i] & 0xff);
        }
        if (account > MAX_ACCOUNT) {
            return Optional.empty();
        }
        return Optional.of(String.format("%012d", account));
    }

    private String body(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.length() != 12 || !accountId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("An account id is 12 digits");
        }
        long account = Long.parseLong(accountId);
        long randomBits = random.nextLong() & FORTY_BITS;
        byte[] bytes = new byte[10];
        for (int i = 0; i < 5; i++) {
            bytes[4 - i] = (byte) (account >>> (8 * i));
            bytes[9 - i] = (byte) (randomBits >>> (8 * i));
        }
        return Base32.encode(bytes);
    }
}
