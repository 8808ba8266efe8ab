package io.stsgate.directory.store;

/** An entry's identity: its kind and key. */
public record EntryId(EntryKind kind, String key) {

    @Override
    public String toString() {
        return kind.wireName() + " " + key;
    }
}
