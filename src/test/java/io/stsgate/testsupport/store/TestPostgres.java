package io.stsgate.testsupport.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL of this machine and of CI (127.0.0.1:5432, trust auth, database {@code test}). Every test store gets
 * a schema of its own, so test runs never see each other's rows.
 */
public final class TestPostgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = System.getProperty("postgres.user", "postgres");

    private TestPostgres() {
    }

    static boolean reachable() {
        try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=2", USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates a fresh, empty schema and returns its name. */
    public static String freshSchema() {
        String schema = "stsgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + URL + ": " + e.getMessage(),
                    e);
        }
        return schema;
    }

    /** The JDBC URL of {@code schema}, for configuring a stsgate process. */
    public static String url(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    public static DataSource dataSource(String schema) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url(schema));
        dataSource.setUser(USER);
        return dataSource;
    }
}
