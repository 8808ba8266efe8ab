package io.stsgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens opaque tokens with AES-256-GCM under the purpose subkey of a keyring key.
 * <p>
 * Token layout, URL-safe base64 without padding:
 *
 * <pre>
 * version (1 byte = 1) | key id length (1 byte) | key id (ASCII, in clear) | nonce (12 random bytes) | ciphertext+tag (16 bytes)
 * </pre>
 *
 * The associated data is the header (version, key id length, key id) followed by the UTF-8 {@code boundTo} value,
 * so a token presented with another access key id, or sealed for another {@link KeyPurpose}, does not open.
 * <p>
 * Thread-safe: each thread keeps its own {@link Cipher}.
 */
public final class TokenSealer {

    /** Upper bound on the length of a token accepted by {@link #unseal}, in characters. */
    public static final int MAX_TOKEN_LENGTH = 64 * 1024;

    private static final byte VERSION = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_LENGTH = TAG_BITS / 8;
    private static final int MIN_LENGTH = 2 + 1 + NONCE_LENGTH + TAG_LENGTH;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
        }
    });

    private final Keyring keyring;
    private final KeyPurpose purpose;
    private final SecureRandom random;

    public TokenSealer(Keyring keyring, KeyPurpose purpose) {
        this(keyring, purpose, new SecureRandom());
    }

    public TokenSealer(Keyring keyring, KeyPurpose purpose, SecureRandom random) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.random = Objects.requireNonNull(random, "random");
        if (purpose == KeyPurpose.SECRET_KEY) {
            throw new IllegalArgumentException("The secret-key subkey derives secrets; it does not seal tokens");
        }
    }

    /** The id of the key {@link #seal} uses now. */
    public String primaryKeyId() {
        return keyring.primary().id();
    }

    /** Seals {@code plaintext} with the keyring's primary key, bound to {@code boundTo}. */
    public String seal(byte[] plaintext, String boundTo) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(boundTo, "boundTo");
        KeyringKey key = keyring.primary();
        byte[] id = key.id().getBytes(StandardCharsets.US_ASCII);
        int headerLength = 2 + id.length;
        byte[] token = new byte[headerLength + NONCE_LENGTH + plaintext.length + TAG_LENGTH];
        token[0] = VERSION;
        token[1] = (byte) id.length;
        System.arraycopy(id, 0, token, 2, id.length);
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, token, headerLength, NONCE_LENGTH);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.subkey(purpose), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(token, 0, headerLength);
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            cipher.doFinal(plaintext, 0, plaintext.length, token, headerLength + NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
        return ENCODER.encodeToString(token);
    }

    /** The length in characters of a token {@link #seal} makes of {@code plaintextLength} bytes under {@code keyId}. */
    public static int sealedLength(String keyId, int plaintextLength) {
        long bytes = 2L + keyId.length() + NONCE_LENGTH + plaintextLength + TAG_LENGTH;
        return (int) Math.min(Integer.MAX_VALUE, (bytes * 4 + 2) / 3);
    }

    /** Opens a token sealed by {@link #seal} for the same {@code boundTo}. Never throws for bad input. */
    public UnsealResult unseal(String token, String boundTo) {
        if (token == null || boundTo == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return rejected(UnsealResult.Reason.MALFORMED);
        }
        Optional<byte[]> decoded = decode(token);
        if (decoded.isEmpty()) {
            return rejected(UnsealResult.Reason.MALFORMED);
        }
        byte[] bytes = decoded.get();
        if (bytes.length < MIN_LENGTH || bytes[0] != VERSION) {
            return rejected(UnsealResult.Reason.MALFORMED);
        }
        int idLength = bytes[1] & 0xff;
        int headerLength = 2 + idLength;
        if (idLength < 1 || idLength > 32 || bytes.length < headerLength + NONCE_LENGTH + TAG_LENGTH) {
            return rejected(UnsealResult.Reason.MALFORMED);
        }
        String id = new String(bytes, 2, idLength, StandardCharsets.ISO_8859_1);
        if (!KeyringKey.isValidId(id)) {
            return rejected(UnsealResult.Reason.MALFORMED);
        }
        Optional<KeyringKey> key = keyring.find(id);
        if (key.isEmpty()) {
            return rejected(UnsealResult.Reason.UNKNOWN_KEY);
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get().subkey(purpose),
                    new GCMParameterSpec(TAG_BITS, bytes, headerLength, NONCE_LENGTH));
            cipher.updateAAD(bytes, 0, headerLength);
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            int offset = headerLength + NONCE_LENGTH;
            byte[] plaintext = cipher.doFinal(bytes, offset, bytes.length - offset);
            UnsealResult result = new UnsealResult.Opened(plaintext, key.get());
            Arrays.fill(plaintext, (byte) 0);
            return result;
        } catch (AEADBadTagException e) {
            return rejected(UnsealResult.Reason.TAMPERED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM opening failed", e);
        }
    }

    /** Decodes strict, canonical URL-safe base64 without padding (so no two strings decode to the same token). */
    private static Optional<byte[]> decode(String token) {
        if (token.indexOf('=') >= 0) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(bytes).equals(token)) {
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    private static UnsealResult rejected(UnsealResult.Reason reason) {
        return new UnsealResult.Rejected(reason);
    }

    @Override
    public String toString() {
        return "TokenSealer[purpose=" + purpose + ", keyring=" + keyring + "]";
    }
}
