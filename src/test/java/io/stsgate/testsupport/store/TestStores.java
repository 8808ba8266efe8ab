package io.stsgate.testsupport.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import io.stsgate.directory.store.StoreDialect;

/** Migrated, empty stores for plain JUnit tests: the embedded database in a folder, or a fresh PostgreSQL schema. */
public final class TestStores {

    private TestStores() {
    }

    /** A store and how it announces changes. */
    public record TestStore(DataSource dataSource, StoreDialect dialect, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    public static TestStore embedded(Path folder) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve("stsgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0");
        migrate(dataSource, null);
        return new TestStore(dataSource, StoreDialect.EMBEDDED, "embedded");
    }

    /** A migrated store in a fresh schema; see {@link RequiresPostgres}. */
    public static TestStore postgres() {
        String schema = TestPostgres.freshSchema();
        DataSource dataSource = TestPostgres.dataSource(schema);
        migrate(dataSource, schema);
        return new TestStore(dataSource, StoreDialect.POSTGRESQL, "postgresql");
    }

    private static void migrate(DataSource dataSource, String schema) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }
}
