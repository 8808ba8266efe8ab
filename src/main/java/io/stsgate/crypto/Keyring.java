package io.stsgate.crypto;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, non-empty, ordered set of sealing keys. The last key is the {@linkplain #primary() primary}: it seals
 * new credentials. All keys verify, so a rotation (append a key, roll out, later drop the oldest once its credentials
 * have expired) has no outage.
 */
public final class Keyring {

    private final List<KeyringKey> keys;
    private final Map<String, KeyringKey> byId;

    /**
     * @throws IllegalArgumentException if {@code keys} is empty or two keys share an id
     */
    public Keyring(List<KeyringKey> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A keyring needs at least one key");
        }
        Map<String, KeyringKey> index = new HashMap<>();
        for (KeyringKey key : keys) {
            Objects.requireNonNull(key, "key");
            if (index.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("Duplicate key id '" + key.id() + "'");
            }
        }
        this.keys = List.copyOf(keys);
        this.byId = Map.copyOf(index);
    }

    /** A keyring of the given keys, the last one primary. */
    public static Keyring of(KeyringKey... keys) {
        return new Keyring(List.of(keys));
    }

    /** The newest key, used to seal new credentials. */
    public KeyringKey primary() {
        return keys.get(keys.size() - 1);
    }

    /** The key with this id, if the keyring holds it. */
    public Optional<KeyringKey> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** All keys, oldest first. */
    public List<KeyringKey> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "Keyring[ids=" + keys.stream().map(KeyringKey::id).toList() + ", primary=" + primary().id() + "]";
    }
}
