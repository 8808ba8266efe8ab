package io.stsgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic keyring keys for tests: the material is SHA-256 of the id. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyringKey key(String id) {
        return new KeyringKey(id, material(id));
    }

    static byte[] material(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("test key " + id).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Keyring keyring(String... ids) {
        KeyringKey[] keys = new KeyringKey[ids.length];
        for (int i = 0; i < ids.length; i++) {
            keys[i] = key(ids[i]);
        }
        return Keyring.of(keys);
    }
}
