package io.stsgate.api.admin;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.directory.store.DirectoryStore;
import io.stsgate.directory.store.DirectoryTransaction;
import io.stsgate.directory.store.DirectoryWriter;
import io.stsgate.engine.StoreCalls;

/**
 * The admin API's access to the store. Reads go to the store itself, not to this replica's snapshot, so the version
 * a client gets is the one its If-Match will be checked against; writes go through {@link DirectoryWriter}, which
 * validates the whole resulting directory and refreshes this replica before answering. Every admin change of the
 * directory passes here, so here is where each committed change is written to the {@link AdminChangeLog}.
 */
@ApplicationScoped
class AdminDirectory {

    @Inject
    DirectoryStore store;

    @Inject
    DirectoryWriter writer;

    @Inject
    AdminChangeLog changeLog;

    @Inject
    StoreCalls storeCalls;

    DirectoryView read() {
        return new DirectoryView(store.read().entries());
    }

    <T> T change(Function<Edit, T> edit) {
        var recorded = new AtomicReference<RecordingTransaction>();
        // Bounded wait: with the store down or frozen the caller gets 503 StoreUnavailable, not a hanging request.
        T result = storeCalls.call(() -> writer.change(transaction -> {
            var recording = new RecordingTransaction(transaction);
            recorded.set(recording);
            return edit.apply(new Edit(recording));
        }));
        changeLog.committed(recorded.get().changes());
        return result;
    }

    /** One write transaction and a view of the entries it sees. */
    record Edit(DirectoryTransaction transaction) {
        DirectoryView view() {
            return new DirectoryView(transaction.entries());
        }
    }
}
