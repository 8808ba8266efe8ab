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

    /**
     * A store and how it announces changes; {@code replica} opens another connection pool onto the same database, as
     * a second replica would.
     */
    public record TestStore(DataSource dataSource, StoreDialect dialect, String description,
            java.util.function.Supplier<DataSource> replica) {
        @Override
        public String toString() {
            return description;
        }
    }

    public static TestStore embedded(Path folder) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("stsgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        DataSource dataSource = h2(url);
        migrate(dataSource, null, "classpath:db/migration", "classpath:db/embedded");
        return new TestStore(dataSource, StoreDialect.EMBEDDED, "embedded", () -> h2(url));
    }

    /** A migrated store in a fresh schema; see {@link RequiresPostgres}. */
    public static TestStore postgres() {
        String schema = TestPostgres.freshSchema();
        DataSource dataSource = TestPostgres.dataSource(schema);
        migrate(dataSource, schema, "classpath:db/migration");
        return new TestStore(dataSource, StoreDialect.POSTGRESQL, "postgresql", () -> TestPostgres.dataSource(schema));
    }

    private static DataSource h2(String url) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** The locations application.properties gives each kind of store. */
    private static void migrate(DataSource dataSource, String schema, String... locations) {
        var configuration = Flyway.configure().dataSource(dataSource).locations(locations);
        if (schema != null) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }
}
