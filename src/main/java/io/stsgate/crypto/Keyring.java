package io.stsgate.crypto;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, non-empty, ordered set of sealing keys. One is the {@linkplain #primary() primary}: it seals new
 * credentials and stored secrets; by default the last. All keys open what they sealed. A key can be held in standby
 * (opens, never seals) so that a rotation has no outage across replicas: add the new key in standby everywhere, then
 * make it primary everywhere (every replica can already open what it seals), then drop the old key once its sessions
 * have expired and the stored secrets were re-sealed.
 */
public final class Keyring {

    private final List<KeyringKey> keys;
    private final Map<String, KeyringKey> byId;
    private final KeyringKey primary;

    /**
     * A keyring whose last key is primary.
     *
     * @throws IllegalArgumentException if {@code keys} is empty or two keys share an id
     */
    public Keyring(List<KeyringKey> keys) {
        this(keys, keys == null || keys.isEmpty() ? null : keys.get(keys.size() - 1).id());
    }

    /**
     * A keyring whose primary is {@code primaryId}; the other keys only open.
     *
     * @throws IllegalArgumentException if {@code keys} is empty, two keys share an id, or none has {@code primaryId}
     */
    public Keyring(List<KeyringKey> keys, String primaryId) {
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
        this.primary = index.get(primaryId);
        if (primary == null) {
            throw new IllegalArgumentException("The primary key '" + primaryId + "' is not in the keyring");
        }
    }

    /** A keyring of the given keys, the last one primary. */
    public static Keyring of(KeyringKey... keys) {
        return new Keyring(List.of(keys));
    }

    /** The key that seals new credentials and stored secrets. */
    public KeyringKey primary() {
        return primary;
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
