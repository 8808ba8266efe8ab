package io.stsgate.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * New secrets for long-term credentials: the secret access key of an {@code AKIA} key (30 random bytes, base64, 40
 * characters of {@code A-Za-z0-9+/} like AWS's) and the seed of a virtual MFA device (160 random bits, the size RFC
 * 4226 recommends for HMAC-SHA1, as base32 for authenticator apps). Unlike temporary secrets they cannot be derived:
 * the directory stores them, sealed.
 */
public final class LongTermSecrets {

    /** Length of a secret access key. */
    public static final int SECRET_ACCESS_KEY_LENGTH = 40;
    /** Bytes of a TOTP seed. */
    public static final int TOTP_SEED_BYTES = 20;

    private final SecureRandom random;

    public LongTermSecrets() {
        this(new SecureRandom());
    }

    public LongTermSecrets(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new secret access key. */
    public String secretAccessKey() {
        byte[] bytes = new byte[SECRET_ACCESS_KEY_LENGTH * 3 / 4];
        random.nextBytes(bytes);
        String secret = Base64.getEncoder().encodeToString(bytes);
        Arrays.fill(bytes, (byte) 0);
        return secret;
    }

    /** A new TOTP seed, base32 without padding (32 characters). */
    public String totpSeed() {
        byte[] seed = new byte[TOTP_SEED_BYTES];
        random.nextBytes(seed);
        String encoded = Base32.encode(seed);
        Arrays.fill(seed, (byte) 0);
        return encoded;
    }
}
