package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The per-topic revision counters. Locking a topic's row serialises writers of that topic across replicas; bumping it
 * in the writing transaction tells readers to reload.
 */
final class StoreRevisions {

    private StoreRevisions() {
    }

    /** Reads the revision and holds the topic's write lock until the transaction ends. */
    static long lock(Connection connection, String topic) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("select revision from store_revision where name = ? for update")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("store_revision has no row for " + topic);
                }
                return rows.getLong(1);
            }
        }
    }

    static long bump(Connection connection, String topic, long from) throws SQLException {
        try (PreparedStatement update = connection
                .prepareStatement("update store_revision set revision = ? where name = ?")) {
            update.setLong(1, from + 1);
            update.setString(2, topic);
            update.executeUpdate();
        }
        return from + 1;
    }

    static long read(Connection connection, String topic) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("select revision from store_revision where name = ?")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
