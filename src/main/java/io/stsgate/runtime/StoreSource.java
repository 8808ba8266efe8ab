package io.stsgate.runtime;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.stsgate.config.StsgateConfig;
import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.store.DirectoryEntries;
import io.stsgate.directory.store.DirectoryStore;
import io.stsgate.directory.store.JdbcDirectoryStore;
import io.stsgate.directory.store.JdbcMfaFailures;
import io.stsgate.directory.store.JdbcOneTimeUse;
import io.stsgate.directory.store.StoreChanges;
import io.stsgate.directory.store.StoreDialect;
import io.stsgate.directory.store.StoreHealth;
import io.stsgate.directory.store.StorePoller;
import io.stsgate.directory.store.StoredSecrets;
import io.stsgate.engine.StoreCalls;

/**
 * Opens the store chosen by {@code stsgate.store.kind}: both connection pools are built into the application and only
 * the chosen one is used, so switching from the embedded database to PostgreSQL is configuration, not a rebuild. The
 * schema is migrated by Flyway before anything reads it.
 */
@Singleton
public class StoreSource {

    private static final Logger LOG = Logger.getLogger(StoreSource.class);

    @Inject
    @io.quarkus.agroal.DataSource("embedded")
    InjectableInstance<AgroalDataSource> embedded;
    @Inject
    @io.quarkus.agroal.DataSource("postgresql")
    InjectableInstance<AgroalDataSource> postgresql;
    @Inject
    @FlywayDataSource("embedded")
    InjectableInstance<Flyway> embeddedFlyway;
    @Inject
    @FlywayDataSource("postgresql")
    InjectableInstance<Flyway> postgresqlFlyway;

    private StorePoller poller;

    @Produces
    @Singleton
    @Store
    DataSource dataSource(StsgateConfig config) {
        boolean postgres = config.store().kind() == StsgateConfig.StoreKind.postgresql;
        Flyway flyway = (postgres ? postgresqlFlyway : embeddedFlyway).get();
        var result = flyway.migrate();
        // The version from the result, not from flyway.info(): each info() resolves the migrations and reads the
        // history table again, a few hundred milliseconds of start-up.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.infof("Store: %s, schema at version %s (%d migration(s) applied now)", config.store().kind(),
                version == null ? "none" : version, result.migrationsExecuted);
        return (postgres ? postgresql : embedded).get();
    }

    @Produces
    @Singleton
    StoreDialect dialect(StsgateConfig config) {
        return config.store().kind() == StsgateConfig.StoreKind.postgresql ? StoreDialect.POSTGRESQL
                : StoreDialect.EMBEDDED;
    }

    @Produces
    @Singleton
    StoreChanges storeChanges(@Store DataSource dataSource, StoreDialect dialect, StsgateConfig config,
            StoreHealth health) {
        var changes = new StoreChanges();
        poller = new StorePoller(dataSource, dialect, changes, config.store().pollInterval(), config.store().timeout(),
                health);
        poller.start();
        return changes;
    }

    @Produces
    @Singleton
    StoreHealth storeHealth(Clock clock, MeterRegistry metrics) {
        var health = new StoreHealth(clock);
        metrics.gauge("stsgate.store.available", health, h -> h.available() ? 1 : 0);
        return health;
    }

    /** Where requests run their store work: bounded in time, off the event loop (see {@link StoreCalls}). */
    @Produces
    @Singleton
    BoundedStoreCalls storeCalls(StoreHealth health, StsgateConfig config, MeterRegistry metrics) {
        return new BoundedStoreCalls(health, config.store().timeout(), config.store().threads(),
                cause -> metrics.counter("stsgate.store.unavailable", "cause", cause).increment());
    }

    void closeStoreCalls(@Disposes BoundedStoreCalls calls) {
        calls.close();
    }

    @Produces
    @Singleton
    DirectoryStore directoryStore(@Store DataSource dataSource, StoreDialect dialect, StoreChanges changes,
            Clock clock) {
        return new JdbcDirectoryStore(dataSource, dialect, changes, clock);
    }

    @Produces
    @Singleton
    DirectoryEntries directoryEntries(Keyring keyring) {
        return new DirectoryEntries(new StoredSecrets(new TokenSealer(keyring, KeyPurpose.STORED_SECRET)));
    }

    @Produces
    @Singleton
    JdbcOneTimeUse oneTimeUse(@Store DataSource dataSource, Clock clock) {
        return new JdbcOneTimeUse(dataSource, clock);
    }

    @Produces
    @Singleton
    JdbcMfaFailures mfaFailures(@Store DataSource dataSource) {
        return new JdbcMfaFailures(dataSource);
    }

    /** Stops polling before the datasource closes (a poll then would report the store as down). */
    void stopPolling(@Observes ShutdownEvent event) {
        close();
    }

    @PreDestroy
    void close() {
        if (poller != null) {
            poller.close();
        }
    }
}
