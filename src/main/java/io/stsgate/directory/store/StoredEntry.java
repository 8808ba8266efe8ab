package io.stsgate.directory.store;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One directory entry as stored: its kind, its key (an ARN, an account id or an access key id), its body in the shape
 * of the declarative file's entry (secrets sealed), and a version that grows by one on every change (the ETag).
 */
public record StoredEntry(EntryKind kind, String key, String accountId, ObjectNode body, long version,
        Instant createdAt, Instant updatedAt) {

    public StoredEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accountId, "accountId");
        body = body.deepCopy();
    }

    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }

    /** Identifies the entry across kinds. */
    public EntryId id() {
        return new EntryId(kind, key);
    }

    @Override
    public String toString() {
        // The body may hold sealed secrets: never print it.
        return "StoredEntry[" + kind.wireName() + " " + key + " v" + version + "]";
    }
}
