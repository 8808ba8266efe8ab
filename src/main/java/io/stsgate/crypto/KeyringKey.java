package io.stsgate.crypto;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

/**
 * One sealing key of the keyring: an id (in clear in every token it seals) and 32 bytes of secret material. The
 * per-purpose subkeys (HKDF-SHA256, one label per {@link KeyPurpose}) are derived once, here, and cached.
 * <p>
 * A final class rather than a record: it carries the derived subkeys and never exposes its material by reference.
 * {@link #toString()} shows the id only.
 */
public final class KeyringKey {

    /** Length of the key material in bytes. */
    public static final int MATERIAL_LENGTH = 32;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String id;
    private final byte[] material;
    private final Map<KeyPurpose, SecretKeySpec> subkeys;

    /**
     * @throws IllegalArgumentException if the id is not 1..32 characters of {@code [A-Za-z0-9_-]} or the material is
     *         not 32 bytes
     */
    public KeyringKey(String id, byte[] material) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(material, "material");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("Key id must be 1..32 characters of [A-Za-z0-9_-]");
        }
        if (material.length != MATERIAL_LENGTH) {
            throw new IllegalArgumentException("Key material must be " + MATERIAL_LENGTH + " bytes");
        }
        this.id = id;
        this.material = material.clone();
        EnumMap<KeyPurpose, SecretKeySpec> derived = new EnumMap<>(KeyPurpose.class);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            byte[] subkey = Hkdf.derive(null, this.material, purpose.info(), MATERIAL_LENGTH);
            derived.put(purpose, new SecretKeySpec(subkey, purpose == KeyPurpose.SECRET_KEY ? "HmacSHA256" : "AES"));
            Arrays.fill(subkey, (byte) 0);
        }
        this.subkeys = derived;
    }

    /** Whether {@code id} is a valid key id: 1..32 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String id() {
        return id;
    }

    /** A copy of the key material. */
    public byte[] material() {
        return material.clone();
    }

    /** The subkey for {@code purpose}, derived at construction. */
    SecretKeySpec subkey(KeyPurpose purpose) {
        return subkeys.get(purpose);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyringKey that && id.equals(that.id) && ConstantTime.equals(material, that.material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "KeyringKey[id=" + id + ", material=<redacted>]";
    }
}
