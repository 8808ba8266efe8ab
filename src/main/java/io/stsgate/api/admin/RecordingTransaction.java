package io.stsgate.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.store.DirectoryTransaction;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.StoredEntry;

/**
 * A write transaction that notes each entry it changed. Every admin change, one entry or a whole directory file, goes
 * through a transaction, so noting them here covers every resource, including ones added later.
 */
final class RecordingTransaction implements DirectoryTransaction {

    private final DirectoryTransaction transaction;
    private final List<AdminChange> changes = new ArrayList<>();

    RecordingTransaction(DirectoryTransaction transaction) {
        this.transaction = transaction;
    }

    /** What this transaction changed, in order; durable only once the write that ran it has returned. */
    List<AdminChange> changes() {
        return List.copyOf(changes);
    }

    @Override
    public List<StoredEntry> entries() {
        return transaction.entries();
    }

    @Override
    public Optional<StoredEntry> find(EntryId id) {
        return transaction.find(id);
    }

    @Override
    public StoredEntry insert(EntryId id, String accountId, ObjectNode body) {
        StoredEntry inserted = transaction.insert(id, accountId, body);
        changes.add(AdminChange.created(inserted));
        return inserted;
    }

    @Override
    public StoredEntry update(EntryId id, long expectedVersion, ObjectNode body) {
        StoredEntry updated = transaction.update(id, expectedVersion, body);
        changes.add(AdminChange.updated(updated));
        return updated;
    }

    @Override
    public void delete(EntryId id, long expectedVersion) {
        Optional<StoredEntry> deleted = transaction.find(id);
        transaction.delete(id, expectedVersion);
        // delete throws for a missing entry, so past it the entry was found
        deleted.ifPresent(entry -> changes.add(AdminChange.deleted(entry)));
    }
}
