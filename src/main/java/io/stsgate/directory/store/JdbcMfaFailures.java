package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.stsgate.directory.MfaDeviceLock;
import io.stsgate.directory.MfaFailures;
import io.stsgate.directory.MfaLockout;

/**
 * The MFA failure ledger in the store, one row per device. Each change reads the row with {@code select ... for
 * update} and writes it back in the same transaction, so attempts on every replica are counted one after the other,
 * the same on H2 and PostgreSQL.
 */
public final class JdbcMfaFailures implements MfaFailures {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOR_UPDATE = " for update";

    private final DataSource dataSource;

    public JdbcMfaFailures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Instant> admit(String serialNumber, Instant now, MfaLockout lockout) {
        return change(serialNumber, row -> {
            if (row.lockedAt(now)) {
                return new Change<>(null, row.lockEndAt(now));
            }
            int failures = row.failuresAt(now, lockout);
            if (failures >= lockout.maxFailures()) {
                // Attempts admitted earlier are still being checked and used up the allowance: lock now.
                Instant until = now.plus(lockout.lockDuration());
                return new Change<>(new MfaDeviceLock(serialNumber, 0, null, until), Optional.of(until));
            }
            return new Change<>(new MfaDeviceLock(serialNumber, failures + 1, now, row.lockedUntil()),
                    Optional.empty());
        });
    }

    @Override
    public Optional<Instant> refused(String serialNumber, Instant now, MfaLockout lockout) {
        return change(serialNumber, row -> {
            if (row.lockedAt(now) || row.failuresAt(now, lockout) < lockout.maxFailures()) {
                return new Change<>(null, Optional.empty());
            }
            Instant until = now.plus(lockout.lockDuration());
            return new Change<>(new MfaDeviceLock(serialNumber, 0, null, until), Optional.of(until));
        });
    }

    @Override
    public void accepted(String serialNumber) {
        update("update mfa_device_failure set failures = 0, last_failure_at = null where serial_number = ?",
                serialNumber);
    }

    @Override
    public MfaDeviceLock state(String serialNumber) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            MfaDeviceLock row = select(connection, serialNumber, "");
            return row == null ? MfaDeviceLock.none(serialNumber) : row;
        } catch (SQLException e) {
            throw new StoreFailure("the MFA failure ledger could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean clear(String serialNumber) {
        return update("delete from mfa_device_failure where serial_number = ?", serialNumber) > 0;
    }

    /** The row to write back (null: unchanged) and the answer. */
    private record Change<T>(MfaDeviceLock row, T answer) {
    }

    @FunctionalInterface
    private interface Rule<T> {
        Change<T> apply(MfaDeviceLock row);
    }

    private <T> T change(String serialNumber, Rule<T> rule) {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return StoreTransactions.inTransaction(connection, Connection.TRANSACTION_READ_COMMITTED, () -> {
                    MfaDeviceLock row = select(connection, serialNumber, FOR_UPDATE);
                    if (row == null) {
                        insert(connection, serialNumber);
                        row = select(connection, serialNumber, FOR_UPDATE);
                    }
                    Change<T> change = rule.apply(row);
                    if (change.row() != null) {
                        write(connection, change.row());
                    }
                    return change.answer();
                });
            } catch (SQLException e) {
                // Another replica created the row first: it exists now, so the second try locks it.
                if (attempt < 2 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    continue;
                }
                throw new StoreFailure("the MFA failure ledger could not be written: " + e.getMessage(), e);
            }
        }
    }

    private static void insert(Connection connection, String serialNumber) throws SQLException {
        try (PreparedStatement insert = connection
                .prepareStatement("insert into mfa_device_failure (serial_number, failures) values (?, 0)")) {
            insert.setString(1, serialNumber);
            insert.executeUpdate();
        }
    }

    private static MfaDeviceLock select(Connection connection, String serialNumber, String suffix)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select failures, last_failure_at, locked_until "
                + "from mfa_device_failure where serial_number = ?" + suffix)) {
            select.setString(1, serialNumber);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new MfaDeviceLock(serialNumber, rows.getInt(1), instant(rows.getTimestamp(2)),
                        instant(rows.getTimestamp(3)));
            }
        }
    }

    private static void write(Connection connection, MfaDeviceLock row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update mfa_device_failure set failures = ?, "
                + "last_failure_at = ?, locked_until = ? where serial_number = ?")) {
            update.setInt(1, row.failures());
            update.setTimestamp(2, timestamp(row.lastFailureAt()));
            update.setTimestamp(3, timestamp(row.lockedUntil()));
            update.setString(4, row.serialNumber());
            update.executeUpdate();
        }
    }

    private int update(String sql, String serialNumber) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, serialNumber);
                return statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreFailure("the MFA failure ledger could not be written: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
