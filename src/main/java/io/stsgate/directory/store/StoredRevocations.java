package io.stsgate.directory.store;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.stsgate.directory.RevocationList;

/**
 * This replica's revocation list: built from the store at start-up and rebuilt whenever the {@code revocation} topic
 * reaches a new revision (this replica's writes, PostgreSQL notifications, polling). Requests only read the current
 * list, so checking a credential never touches the database.
 */
public final class StoredRevocations implements Supplier<RevocationList> {

    private static final Logger LOG = Logger.getLogger(StoredRevocations.class);

    private final JdbcRevocationStore store;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    private record Loaded(long revision, RevocationList list) {
    }

    public StoredRevocations(JdbcRevocationStore store, StoreChanges changes) {
        this.store = store;
        reload();
        changes.seen(JdbcRevocationStore.TOPIC, current.get().revision());
        changes.subscribe(JdbcRevocationStore.TOPIC, revision -> reload());
    }

    /** Reads the store and swaps the list, unless this replica already holds that revision or a later one. */
    public synchronized void reload() {
        RevocationContents contents = store.read();
        Loaded loaded = current.get();
        if (loaded != null && loaded.revision() >= contents.revision()) {
            return;
        }
        current.set(new Loaded(contents.revision(), RevocationList.of(contents.revocations())));
        if (loaded != null) {
            LOG.infof("Revocation list reloaded at revision %d: %d revocation(s)", contents.revision(),
                    contents.revocations().size());
        }
    }

    @Override
    public RevocationList get() {
        return current.get().list();
    }

    public long revision() {
        return current.get().revision();
    }
}
