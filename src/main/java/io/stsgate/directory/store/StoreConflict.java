package io.stsgate.directory.store;

/**
 * A write that lost a race or names something that is not there: the entry exists already, is missing, or changed
 * since the caller read it. The admin API answers 409, 404 or 412.
 */
public final class StoreConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        EXISTS,
        MISSING,
        VERSION_MISMATCH
    }

    private final Kind kind;
    private final transient EntryId entry;

    public StoreConflict(Kind kind, EntryId entry, String message) {
        super(message);
        this.kind = kind;
        this.entry = entry;
    }

    public Kind kind() {
        return kind;
    }

    public EntryId entry() {
        return entry;
    }
}
