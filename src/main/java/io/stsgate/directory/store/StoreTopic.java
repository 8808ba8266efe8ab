package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Writes to one topic of the store (the directory, the revocations). Each write holds the topic's lock, so writers
 * are serialised across replicas; a write that changed something bumps the revision and announces it in the same
 * transaction, and after the commit this replica's own views hear of it without waiting for the notification.
 */
final class StoreTopic {

    private final DataSource dataSource;
    private final StoreDialect dialect;
    private final StoreChanges changes;
    private final String name;

    StoreTopic(DataSource dataSource, StoreDialect dialect, StoreChanges changes, String name) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.changes = changes;
        this.name = name;
    }

    /** What a write returns, and whether it changed the topic: an unchanged topic keeps its revision. */
    record Written<T>(T result, boolean changed) {
    }

    /** The statements of one write, run under the topic's lock; SQL errors roll it back. */
    @FunctionalInterface
    interface Work<T> {
        Written<T> run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction under the topic's lock and returns its result once committed; an SQL
     * error becomes a {@link StoreFailure} saying {@code failure} (such as "the directory could not be written").
     */
    <T> T write(String failure, Work<T> work) {
        record Committed<R>(R result, long revision) {
        }
        Committed<T> committed;
        try (Connection connection = dataSource.getConnection()) {
            committed = StoreTransactions.inTransaction(connection, Connection.TRANSACTION_READ_COMMITTED, () -> {
                long revision = StoreRevisions.lock(connection, name);
                Written<T> written = work.run(connection);
                if (!written.changed()) {
                    return new Committed<>(written.result(), revision);
                }
                long bumped = StoreRevisions.bump(connection, name, revision);
                dialect.announce(connection, name, bumped);
                return new Committed<>(written.result(), bumped);
            });
        } catch (SQLException e) {
            throw new StoreFailure(failure + ": " + e.getMessage(), e);
        }
        changes.published(name, committed.revision());
        return committed.result();
    }
}
