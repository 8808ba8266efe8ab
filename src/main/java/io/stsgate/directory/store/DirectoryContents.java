package io.stsgate.directory.store;

import java.util.List;

/** Every directory entry at one store revision. */
public record DirectoryContents(long revision, List<StoredEntry> entries) {

    public DirectoryContents {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
