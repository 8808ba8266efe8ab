package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What differs between the embedded database and PostgreSQL: only how other replicas hear of a change. */
public enum StoreDialect {
    /** One process: the writer tells its own listeners, nobody else can be listening. */
    EMBEDDED {
        @Override
        void announce(Connection connection, String topic, long revision) {
        }
    },
    /** Several replicas: a notification sent with the transaction, delivered to every listener on commit. */
    POSTGRESQL {
        @Override
        void announce(Connection connection, String topic, long revision) throws SQLException {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, topic + ":" + revision);
                notify.execute();
            }
        }
    };

    /** The PostgreSQL notification channel of store changes. */
    public static final String CHANNEL = "stsgate_store";

    /** Announces, inside the writing transaction, that {@code topic} reached {@code revision}. */
    abstract void announce(Connection connection, String topic, long revision) throws SQLException;
}
