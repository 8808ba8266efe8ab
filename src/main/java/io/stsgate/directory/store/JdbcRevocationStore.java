package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.stsgate.directory.Revocation;
import io.stsgate.directory.RevocationScope;

/**
 * Revocations in the embedded database or PostgreSQL, with the same statements. Writers hold the {@code revocation}
 * topic's lock, bump its revision and announce it, so every replica reloads its {@code RevocationList}; entries are
 * purged once no credential they could match can still be valid.
 */
public final class JdbcRevocationStore {

    public static final String TOPIC = "revocation";
    private static final String COLUMNS = "id, scope, target, issued_before, expires_at, created_at, created_by, "
            + "reason";

    private final DataSource dataSource;
    private final StoreTopic topic;
    private final Clock clock;

    public JdbcRevocationStore(DataSource dataSource, StoreDialect dialect, StoreChanges changes, Clock clock) {
        this.dataSource = dataSource;
        this.topic = new StoreTopic(dataSource, dialect, changes, TOPIC);
        this.clock = clock;
    }

    /** Stores {@code request}, purging expired entries in the same transaction, and announces the new revision. */
    public Revocation add(NewRevocation request) {
        Instant now = clock.instant();
        return topic.write("the revocation could not be stored", connection -> {
            purge(connection, now);
            return new StoreTopic.Written<>(insert(connection, request, now), true);
        });
    }

    /** Deletes expired entries; announces a new revision only when something went. Returns how many went. */
    public int purgeExpired() {
        return topic.write("expired revocations could not be purged", connection -> {
            int gone = purge(connection, clock.instant());
            return new StoreTopic.Written<>(gone, gone > 0);
        });
    }

    /** The unexpired revocations and the revision they belong to, read consistently. */
    public RevocationContents read() {
        try (Connection connection = dataSource.getConnection()) {
            return StoreTransactions.inTransaction(connection, Connection.TRANSACTION_REPEATABLE_READ,
                    () -> new RevocationContents(StoreRevisions.read(connection, TOPIC), select(connection, "select "
                            + COLUMNS + " from revocation where expires_at > ? order by id", clock.instant(), null,
                            Integer.MAX_VALUE)));
        } catch (SQLException e) {
            throw new StoreFailure("the revocations could not be read: " + e.getMessage(), e);
        }
    }

    /** Unexpired revocations, newest first, at most {@code maxItems}, with ids below {@code beforeId} when given. */
    public List<Revocation> page(int maxItems, Long beforeId) {
        String sql = "select " + COLUMNS + " from revocation where expires_at > ?"
                + (beforeId == null ? "" : " and id < ?") + " order by id desc";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return select(connection, sql, clock.instant(), beforeId, maxItems);
        } catch (SQLException e) {
            throw new StoreFailure("the revocations could not be read: " + e.getMessage(), e);
        }
    }

    private static List<Revocation> select(Connection connection, String sql, Instant now, Long beforeId,
            int maxItems) throws SQLException {
        var revocations = new ArrayList<Revocation>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(now));
            if (beforeId != null) {
                select.setLong(2, beforeId);
            }
            select.setMaxRows(maxItems);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && revocations.size() < maxItems) {
                    revocations.add(revocation(rows));
                }
            }
        }
        return revocations;
    }

    private static Revocation revocation(ResultSet rows) throws SQLException {
        String scopeName = rows.getString(2);
        RevocationScope scope = RevocationScope.ofWireName(scopeName)
                .orElseThrow(() -> new SQLException("unknown revocation scope " + scopeName));
        return new Revocation(rows.getLong(1), scope, rows.getString(3), rows.getTimestamp(4).toInstant(),
                rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant(), rows.getString(7),
                rows.getString(8));
    }

    private static int purge(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from revocation where expires_at <= ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            return delete.executeUpdate();
        }
    }

    private static Revocation insert(Connection connection, NewRevocation request, Instant now) throws SQLException {
        // Stored at the database's microsecond precision, so what is returned is what every replica reads back.
        Instant issuedBefore = micros(request.issuedBefore());
        Instant createdAt = micros(now);
        Instant expiresAt = Revocation.expiry(issuedBefore);
        try (PreparedStatement insert = connection.prepareStatement("insert into revocation (scope, target, "
                + "issued_before, expires_at, created_at, created_by, reason) values (?, ?, ?, ?, ?, ?, ?)",
                new String[] { "id" })) {
            insert.setString(1, request.scope().wireName());
            insert.setString(2, request.target());
            insert.setTimestamp(3, Timestamp.from(issuedBefore));
            insert.setTimestamp(4, Timestamp.from(expiresAt));
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.setString(6, request.createdBy());
            insert.setString(7, request.reason());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id was generated for the revocation");
                }
                return new Revocation(keys.getLong(1), request.scope(), request.target(), issuedBefore, expiresAt,
                        createdAt, request.createdBy(), request.reason());
            }
        }
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
