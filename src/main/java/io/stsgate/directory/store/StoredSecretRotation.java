package io.stsgate.directory.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Re-seals stored secrets (secret access keys, TOTP seeds) with the keyring's primary key, so that the key that
 * sealed them can leave the keyring. Run at start-up: after a rotation the first replica with the new primary
 * re-seals everything in one store write; when every secret is already sealed with the primary, nothing is written.
 */
public final class StoredSecretRotation {

    /** The body field that holds the sealed secret, by entry kind. */
    private static final Map<EntryKind, String> SEALED_FIELDS = Map.of(EntryKind.ACCESS_KEY, "secret",
            EntryKind.MFA_DEVICE, "seed");

    private final StoredSecrets secrets;

    public StoredSecretRotation(StoredSecrets secrets) {
        this.secrets = secrets;
    }

    /** @return how many secrets were re-sealed */
    public int reseal(DirectoryStore store) {
        if (stale(store.read().entries()).isEmpty()) {
            return 0;
        }
        return store.write(transaction -> {
            // Read again under the write lock: another replica may have re-sealed in between.
            List<Resealed> stale = stale(transaction.entries());
            for (Resealed entry : stale) {
                transaction.update(entry.id(), entry.version(), entry.body());
            }
            return stale.size();
        });
    }

    private List<Resealed> stale(List<StoredEntry> entries) {
        var stale = new ArrayList<Resealed>();
        for (StoredEntry entry : entries) {
            String field = SEALED_FIELDS.get(entry.kind());
            String sealed = field == null ? null : entry.body().path(field).asText(null);
            if (sealed != null) {
                secrets.resealed(sealed, entry.id()).ifPresent(resealed -> {
                    ObjectNode body = entry.body();
                    body.put(field, resealed);
                    stale.add(new Resealed(entry.id(), entry.version(), body));
                });
            }
        }
        return stale;
    }

    private record Resealed(EntryId id, long version, ObjectNode body) {
    }
}
