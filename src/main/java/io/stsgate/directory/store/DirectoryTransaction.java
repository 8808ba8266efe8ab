package io.stsgate.directory.store;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A consistent view of the directory while holding the store's write lock. Changes become visible to everyone when
 * the write returns, and not at all when it throws.
 */
public interface DirectoryTransaction {

    /** Every entry as of this transaction, including its own changes. */
    List<StoredEntry> entries();

    Optional<StoredEntry> find(EntryId id);

    /** Adds an entry at version 1; {@link StoreConflict} when it exists. */
    StoredEntry insert(EntryId id, String accountId, ObjectNode body);

    /**
     * Replaces an entry's body; {@link StoreConflict} when the entry is missing or its version is not
     * {@code expectedVersion} (pass {@code -1} to replace whatever version is stored).
     */
    StoredEntry update(EntryId id, long expectedVersion, ObjectNode body);

    /** Removes an entry, with the same version check as {@link #update}. */
    void delete(EntryId id, long expectedVersion);
}
