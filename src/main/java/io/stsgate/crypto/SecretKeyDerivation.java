package io.stsgate.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Derives the secret access key of a temporary credential instead of storing it: HMAC-SHA256 under the
 * {@link KeyPurpose#SECRET_KEY} subkey of a keyring key, over the access key id and the issue time (epoch seconds),
 * base64-encoded and cut to 40 characters of {@code A-Za-z0-9+/}, the shape of an AWS secret access key.
 */
public final class SecretKeyDerivation {

    /** Length of a derived secret access key. */
    public static final int SECRET_LENGTH = 40;

    /** The secret access key for {@code accessKeyId} issued at {@code issuedAt} (sub-second precision ignored). */
    public String derive(KeyringKey key, String accessKeyId, Instant issuedAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        byte[] id = accessKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(id.length + 1 + Long.BYTES)
                .put(id)
                .put((byte) 0)
                .putLong(issuedAt.getEpochSecond())
                .array();
        byte[] mac = HmacSha256.mac(key.subkey(KeyPurpose.SECRET_KEY), input);
        String secret = Base64.getEncoder().encodeToString(mac).substring(0, SECRET_LENGTH);
        Arrays.fill(mac, (byte) 0);
        return secret;
    }
}
