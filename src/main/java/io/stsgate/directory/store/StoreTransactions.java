package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a pooled connection and hands the connection back as it found it: auto-commit on,
 * default isolation. A connection returned mid-transaction would keep its snapshot, and the next borrower (the change
 * poller, the LISTEN connection) would read stale revisions or never receive notifications.
 */
public final class StoreTransactions {

    private StoreTransactions() {
    }

    /** The work of one transaction; may throw SQL errors, which roll it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    public static <T> T inTransaction(Connection connection, int isolation, Work<T> work) throws SQLException {
        int previousIsolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(isolation);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setTransactionIsolation(previousIsolation);
            connection.setAutoCommit(true);
        }
    }
}
