package io.stsgate.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA1, the algorithm authenticator apps use.
 * {@link #matchingStep} returns the time step that matched, so the caller can refuse a step already used.
 */
public final class Totp {

    /** Six digits, the authenticator-app default. */
    public static final int DEFAULT_DIGITS = 6;
    /** Thirty-second steps. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /** One step either side of now. */
    public static final int DEFAULT_WINDOW = 1;

    private static final int MAX_WINDOW = 10;
    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

    private final int digits;
    private final long stepSeconds;

    /** Six digits, 30-second steps. */
    public Totp() {
        this(DEFAULT_DIGITS, DEFAULT_STEP);
    }

    /**
     * @param digits 6..8
     * @param step whole seconds, at least one
     */
    public Totp(int digits, Duration step) {
        Objects.requireNonNull(step, "step");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6..8 digits");
        }
        if (step.getSeconds() < 1 || step.getNano() != 0) {
            throw new IllegalArgumentException("TOTP step must be a whole number of seconds, at least one");
        }
        this.digits = digits;
        this.stepSeconds = step.getSeconds();
    }

    /** The time step counter at {@code time}. */
    public long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), stepSeconds);
    }

    /** The code for {@code seed} at time step {@code step}. */
    public String codeAt(byte[] seed, long step) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length == 0) {
            throw new IllegalArgumentException("TOTP seed is empty");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** {@link #matchingStep(byte[], String, Instant, int)} with a window of one step either side. */
    public OptionalLong matchingStep(byte[] seed, String code, Instant now) {
        return matchingStep(seed, code, now, DEFAULT_WINDOW);
    }

    /**
     * The time step within {@code window} steps of {@code now} whose code equals {@code code}, or empty. Every step
     * of the window is computed and compared in constant time.
     */
    public OptionalLong matchingStep(byte[] seed, String code, Instant now, int window) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(now, "now");
        if (seed.length == 0) {
            throw new IllegalArgumentException("TOTP seed is empty");
        }
        if (window < 0 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("TOTP window must be 0.." + MAX_WINDOW);
        }
        if (!isWellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - window; step <= current + window; step++) {
            byte[] expected = codeAt(seed, step).getBytes(StandardCharsets.US_ASCII);
            if (ConstantTime.equals(expected, presented) && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private boolean isWellFormed(String code) {
        if (code == null || code.length() != digits) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
