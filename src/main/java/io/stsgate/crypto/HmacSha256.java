package io.stsgate.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one {@link Mac} per thread, so hot paths do not pay for a provider lookup per call. */
public final class HmacSha256 {

    public static final String ALGORITHM = "HmacSHA256";

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private HmacSha256() {
    }

    /** HMAC-SHA256 of {@code data} under the raw key bytes. */
    public static byte[] mac(byte[] key, byte[] data) {
        return mac(new SecretKeySpec(key, ALGORITHM), data);
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] mac(SecretKeySpec key, byte[] data) {
        Mac mac = MAC.get();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Invalid HMAC key", e);
        }
        return mac.doFinal(data);
    }
}
