package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import io.stsgate.directory.MfaUsage;

/**
 * One-time use across every replica, decided by the database's primary keys: SAML assertion ids until they expire,
 * and the last TOTP step of each MFA device. A duplicate key means "already used", whichever replica got there first.
 */
public final class JdbcOneTimeUse implements MfaUsage {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcOneTimeUse(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** True the first time {@code assertionId} is seen before it expires; false for every later use. */
    public boolean firstUse(String assertionId, Instant notOnOrAfter) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement purge = connection
                    .prepareStatement("delete from saml_assertion_use where expires_at <= ?")) {
                purge.setTimestamp(1, Timestamp.from(clock.instant()));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection
                    .prepareStatement("insert into saml_assertion_use (assertion_id, expires_at) values (?, ?)")) {
                insert.setString(1, assertionId);
                insert.setTimestamp(2, Timestamp.from(notOnOrAfter));
                insert.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreFailure("the SAML replay cache could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean recordUse(String serialNumber, long step) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement(
                    "update mfa_device_use set last_step = ? where serial_number = ? and last_step < ?")) {
                update.setLong(1, step);
                update.setString(2, serialNumber);
                update.setLong(3, step);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection
                    .prepareStatement("insert into mfa_device_use (serial_number, last_step) values (?, ?)")) {
                insert.setString(1, serialNumber);
                insert.setLong(2, step);
                insert.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreFailure("the MFA code ledger could not be written: " + e.getMessage(), e);
        }
    }
}
