package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.stsgate.audit.AuditCursor;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.AuditPage;
import io.stsgate.audit.AuditQuery;
import io.stsgate.audit.AuditStore;
import io.stsgate.audit.ReasonCode;

/**
 * The audit trail in the {@code audit_event} table, with the same statements on the embedded database and
 * PostgreSQL. Queries are newest first by (time, id) and use the time, role and subject indexes.
 */
public final class JdbcAuditStore implements AuditStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TAGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "occurred_at, request_id, action, outcome, reason, error_code, detail, "
            + "principal, subject, issuer, role_arn, session_name, source_identity, duration_seconds, tags, "
            + "issued_access_key_id, source_ip, user_agent, occurrences";
    /** Rows deleted per statement while purging, so no transaction holds many locks or much undo. */
    private static final int PURGE_CHUNK = 5000;
    /** The PostgreSQL advisory lock held by the replica purging the trail (one at a time). */
    private static final long PURGE_LOCK = 0x57_5347_4155_4449L;

    private final DataSource dataSource;
    private final StoreDialect dialect;

    public JdbcAuditStore(DataSource dataSource, StoreDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Deletes events older than {@code before}, then the oldest beyond {@code maxEvents}, in chunks. On PostgreSQL each
     * chunk holds an advisory lock, so replicas never purge at once: one that finds the lock taken stops and leaves
     * the work to the holder. Returns how many events were deleted.
     */
    public long purge(Instant before, long maxEvents) {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                int chunk = StoreTransactions.inTransaction(connection, Connection.TRANSACTION_READ_COMMITTED,
                        () -> lock(connection) ? purgeChunk(connection, before, maxEvents) : -1);
                if (chunk <= 0) {
                    return deleted;
                }
                deleted += chunk;
            }
        } catch (SQLException e) {
            throw new StoreFailure("the audit trail could not be purged: " + e.getMessage(), e);
        }
    }

    private boolean lock(Connection connection) throws SQLException {
        if (dialect != StoreDialect.POSTGRESQL) {
            return true; // one replica: the embedded store has no other writer
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, PURGE_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /**
     * One chunk of the purge, oldest first: expired events, then the excess over the cap. Neither statement scans the
     * trail: the time index yields the expired ids in order and stops after one chunk, and the excess is a count
     * (kept by the embedded store; an index-only scan on PostgreSQL) and a range of the lowest ids. Deleting through
     * {@code id in (select ...)} on the same table made H2 evaluate the subquery again per row, milliseconds per
     * event, slower than a busy trail grows.
     */
    private static int purgeChunk(Connection connection, Instant before, long maxEvents) throws SQLException {
        int expired = deleteExpired(connection, before);
        if (expired > 0) {
            return expired;
        }
        long excess;
        try (PreparedStatement count = connection.prepareStatement("select count(*) from audit_event");
                ResultSet row = count.executeQuery()) {
            row.next();
            excess = row.getLong(1) - maxEvents;
        }
        if (excess <= 0) {
            return 0;
        }
        // Ids grow with insertion, so the oldest events hold the lowest ids. A gap in the ids (a rolled-back batch)
        // only makes this chunk smaller; the next one counts again.
        try (PreparedStatement excessive = connection.prepareStatement(
                "delete from audit_event where id < (select min(id) from audit_event) + ?")) {
            excessive.setLong(1, Math.min(PURGE_CHUNK, excess));
            return excessive.executeUpdate();
        }
    }

    private static int deleteExpired(Connection connection, Instant before) throws SQLException {
        var ids = new ArrayList<Long>();
        try (PreparedStatement oldest = connection.prepareStatement("select id from audit_event where occurred_at < ? "
                + "order by occurred_at limit " + PURGE_CHUNK)) {
            oldest.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rows = oldest.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from audit_event where id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            int deleted = 0;
            for (int count : delete.executeBatch()) {
                deleted += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
            return deleted;
        }
    }

    @Override
    public void append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            StoreTransactions.inTransaction(connection, Connection.TRANSACTION_READ_COMMITTED, () -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (AuditEvent event : events) {
                        bind(insert, event);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreFailure("audit events could not be stored: " + e.getMessage(), e);
        }
    }

    /** Values are cut to their column's width: one long user agent must not lose the whole batch. */
    private static void bind(PreparedStatement insert, AuditEvent e) throws SQLException {
        insert.setTimestamp(1, Timestamp.from(JdbcRevocationStore.micros(e.time())));
        insert.setString(2, cut(e.requestId(), 64));
        insert.setString(3, cut(e.action() == null ? "unknown" : e.action(), 64));
        insert.setString(4, e.outcome().name());
        insert.setString(5, e.reason().name());
        insert.setString(6, cut(e.errorCode(), 64));
        insert.setString(7, cut(e.detail(), 2048));
        insert.setString(8, cut(e.principal(), 2048));
        insert.setString(9, cut(e.subject(), 2048));
        insert.setString(10, cut(e.issuer(), 2048));
        insert.setString(11, cut(e.roleArn(), 2048));
        insert.setString(12, cut(e.sessionName(), 64));
        insert.setString(13, cut(e.sourceIdentity(), 64));
        if (e.durationSeconds() == null) {
            insert.setNull(14, Types.INTEGER);
        } else {
            insert.setInt(14, e.durationSeconds());
        }
        insert.setString(15, e.tags() == null || e.tags().isEmpty() ? null : json(e.tags()));
        insert.setString(16, cut(e.issuedAccessKeyId(), 32));
        insert.setString(17, cut(e.sourceIp(), 64));
        insert.setString(18, cut(e.userAgent(), 512));
        insert.setInt(19, e.occurrences());
    }

    @Override
    public AuditPage query(AuditQuery query) {
        var where = new ArrayList<String>();
        var values = new ArrayList<Object>();
        if (query.from() != null) {
            where.add("occurred_at >= ?");
            values.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < ?");
            values.add(Timestamp.from(query.to()));
        }
        if (query.roleArn() != null) {
            where.add("role_arn = ?");
            values.add(query.roleArn());
        }
        if (query.subject() != null) {
            where.add("subject = ?");
            values.add(query.subject());
        }
        if (query.outcome() != null) {
            where.add("outcome = ?");
            values.add(query.outcome().name());
        }
        if (query.after() != null) {
            Timestamp time = Timestamp.from(query.after().time());
            where.add("(occurred_at < ? or (occurred_at = ? and id < ?))");
            values.add(time);
            values.add(time);
            values.add(query.after().id());
        }
        String sql = "select id, " + COLUMNS + " from audit_event"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by occurred_at desc, id desc";
        var events = new ArrayList<AuditEvent>();
        AuditCursor last = null;
        boolean more = false;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            // One more than asked tells whether there is a next page.
            select.setMaxRows(query.maxItems() + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (events.size() == query.maxItems()) {
                        more = true;
                        break;
                    }
                    AuditEvent event = event(rows);
                    events.add(event);
                    last = new AuditCursor(event.time(), rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("the audit trail could not be read: " + e.getMessage(), e);
        }
        return new AuditPage(events, more ? last : null);
    }

    private static AuditEvent event(ResultSet rows) throws SQLException {
        int duration = rows.getInt(15);
        Integer durationSeconds = rows.wasNull() ? null : duration;
        return new AuditEvent(rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4),
                AuditEvent.Outcome.valueOf(rows.getString(5)), reason(rows.getString(6)), rows.getString(7),
                rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12),
                rows.getString(13), rows.getString(14), durationSeconds, tags(rows.getString(16)),
                rows.getString(17), rows.getString(18), rows.getString(19), rows.getInt(20));
    }

    /** A reason written by a newer version that this one does not know reads as an internal error, not a failure. */
    private static ReasonCode reason(String name) {
        try {
            return ReasonCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ReasonCode.INTERNAL_ERROR;
        }
    }

    private static Map<String, String> tags(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TAGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit event tags are not a JSON object");
        }
    }

    private static String json(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tags cannot be written as JSON", e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
