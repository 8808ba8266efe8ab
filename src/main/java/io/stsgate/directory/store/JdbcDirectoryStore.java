package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The directory in a relational database: the embedded one or PostgreSQL, with the same statements. */
public final class JdbcDirectoryStore implements DirectoryStore {

    static final String TOPIC = "directory";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "kind, entry_key, account_id, body, version, created_at, updated_at";

    private final DataSource dataSource;
    private final StoreTopic topic;
    private final Clock clock;

    public JdbcDirectoryStore(DataSource dataSource, StoreDialect dialect, StoreChanges changes, Clock clock) {
        this.dataSource = dataSource;
        this.topic = new StoreTopic(dataSource, dialect, changes, TOPIC);
        this.clock = clock;
    }

    @Override
    public DirectoryContents read() {
        try (Connection connection = dataSource.getConnection()) {
            return StoreTransactions.inTransaction(connection, Connection.TRANSACTION_REPEATABLE_READ,
                    () -> new DirectoryContents(StoreRevisions.read(connection, TOPIC), selectAll(connection)));
        } catch (SQLException e) {
            throw new StoreFailure("the directory could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long revision() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return StoreRevisions.read(connection, TOPIC);
        } catch (SQLException e) {
            throw new StoreFailure("the directory revision could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T write(Function<DirectoryTransaction, T> write) {
        return topic.write("the directory could not be written", connection -> {
            var transaction = new Transaction(connection);
            T result = write.apply(transaction);
            return new StoreTopic.Written<>(result, transaction.changed);
        });
    }

    private static List<StoredEntry> selectAll(Connection connection) throws SQLException {
        var entries = new ArrayList<StoredEntry>();
        try (PreparedStatement select = connection
                .prepareStatement("select " + COLUMNS + " from directory_entry order by kind, entry_key");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(entry(rows));
            }
        }
        return entries;
    }

    private static StoredEntry entry(ResultSet rows) throws SQLException {
        String kindName = rows.getString(1);
        EntryKind kind = EntryKind.ofWireName(kindName)
                .orElseThrow(() -> new SQLException("unknown entry kind " + kindName));
        ObjectNode body;
        try {
            body = (ObjectNode) JSON.readTree(rows.getString(4));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SQLException("the body of " + kind.wireName() + " " + rows.getString(2) + " is not a JSON object");
        }
        return new StoredEntry(kind, rows.getString(2), rows.getString(3), body, rows.getLong(5),
                rows.getTimestamp(6).toInstant(), rows.getTimestamp(7).toInstant());
    }

    private static String json(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("entry body cannot be written as JSON", e);
        }
    }

    /** One write: the entries as loaded under the lock, plus this transaction's own changes. */
    private final class Transaction implements DirectoryTransaction {
        private final Connection connection;
        private Map<EntryId, StoredEntry> entries;
        private boolean changed;

        Transaction(Connection connection) {
            this.connection = connection;
        }

        private Map<EntryId, StoredEntry> loaded() {
            if (entries == null) {
                try {
                    entries = new LinkedHashMap<>();
                    selectAll(connection).forEach(e -> entries.put(e.id(), e));
                } catch (SQLException e) {
                    throw new StoreFailure("the directory could not be read: " + e.getMessage(), e);
                }
            }
            return entries;
        }

        @Override
        public List<StoredEntry> entries() {
            return List.copyOf(loaded().values());
        }

        @Override
        public Optional<StoredEntry> find(EntryId id) {
            return Optional.ofNullable(loaded().get(id));
        }

        @Override
        public StoredEntry insert(EntryId id, String accountId, ObjectNode requested) {
            if (loaded().containsKey(id)) {
                throw new StoreConflict(StoreConflict.Kind.EXISTS, id, id + " already exists");
            }
            ObjectNode body = EntryUniqueIds.forInsert(id, requested);
            Instant now = clock.instant();
            var entry = new StoredEntry(id.kind(), id.key(), accountId, body, 1, now, now);
            execute("insert into directory_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)", statement -> {
                statement.setString(1, id.kind().wireName());
                statement.setString(2, id.key());
                statement.setString(3, accountId);
                statement.setString(4, json(body));
                statement.setLong(5, 1);
                statement.setTimestamp(6, Timestamp.from(now));
                statement.setTimestamp(7, Timestamp.from(now));
            });
            loaded().put(id, entry);
            return entry;
        }

        @Override
        public StoredEntry update(EntryId id, long expectedVersion, ObjectNode requested) {
            StoredEntry current = current(id, expectedVersion);
            ObjectNode body = EntryUniqueIds.forUpdate(current, requested);
            Instant now = clock.instant();
            var entry = new StoredEntry(id.kind(), id.key(), current.accountId(), body, current.version() + 1,
                    current.createdAt(), now);
            execute("update directory_entry set body = ?, version = ?, updated_at = ? where kind = ? and entry_key = ?",
                    statement -> {
                        statement.setString(1, json(body));
                        statement.setLong(2, entry.version());
                        statement.setTimestamp(3, Timestamp.from(now));
                        statement.setString(4, id.kind().wireName());
                        statement.setString(5, id.key());
                    });
            loaded().put(id, entry);
            return entry;
        }

        @Override
        public void delete(EntryId id, long expectedVersion) {
            current(id, expectedVersion);
            execute("delete from directory_entry where kind = ? and entry_key = ?", statement -> {
                statement.setString(1, id.kind().wireName());
                statement.setString(2, id.key());
            });
            loaded().remove(id);
        }

        private StoredEntry current(EntryId id, long expectedVersion) {
            StoredEntry current = loaded().get(id);
            if (current == null) {
                throw new StoreConflict(StoreConflict.Kind.MISSING, id, id + " does not exist");
            }
            if (expectedVersion >= 0 && current.version() != expectedVersion) {
                throw new StoreConflict(StoreConflict.Kind.VERSION_MISMATCH, id, id + " is at version "
                        + current.version() + ", not " + expectedVersion);
            }
            return current;
        }

        private void execute(String sql, StatementSetup setup) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                setup.bind(statement);
                statement.executeUpdate();
                changed = true;
            } catch (SQLException e) {
                throw new StoreFailure("the directory could not be written: " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface StatementSetup {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
