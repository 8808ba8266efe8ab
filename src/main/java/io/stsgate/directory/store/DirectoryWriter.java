package io.stsgate.directory.store;

import java.util.function.Function;

import io.stsgate.directory.DirectoryFileLoader;

/**
 * Changes the stored directory the only safe way: under the store's write lock, validating the whole resulting
 * directory before the commit (a role naming a missing managed policy, a duplicate issuer, a bad policy: the change
 * is refused with a {@link io.stsgate.directory.DirectoryFileException} naming the entry and field, and nothing is
 * written), then refreshing this replica's view before returning, so a caller reads its own write.
 */
public final class DirectoryWriter {

    private final DirectoryStore store;
    private final DirectoryEntries entries;
    private final StoredDirectory directory;

    public DirectoryWriter(DirectoryStore store, DirectoryEntries entries, StoredDirectory directory) {
        this.store = store;
        this.entries = entries;
        this.directory = directory;
    }

    public <T> T change(Function<DirectoryTransaction, T> edit) {
        T result = store.write(transaction -> {
            T edited = edit.apply(transaction);
            DirectoryFileLoader.validate("directory", entries.assemble(transaction.entries()));
            return edited;
        });
        directory.reload();
        return result;
    }

    public DirectoryEntries entries() {
        return entries;
    }
}
