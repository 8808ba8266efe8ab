package io.stsgate.runtime;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.stsgate.directory.store.JdbcRevocationStore;
import io.stsgate.directory.store.StoreChanges;
import io.stsgate.directory.store.StoreDialect;
import io.stsgate.directory.store.StoredRevocations;
import io.stsgate.engine.RevocationCheck;

/**
 * Revocations: stored on the {@code revocation} topic of the store, held in memory by every replica and rebuilt on
 * each change, checked wherever a temporary credential is accepted.
 */
@Singleton
public class RevocationSource {

    @Produces
    @Singleton
    JdbcRevocationStore revocationStore(@Store DataSource dataSource, StoreDialect dialect, StoreChanges changes,
            Clock clock) {
        return new JdbcRevocationStore(dataSource, dialect, changes, clock);
    }

    @Produces
    @Singleton
    StoredRevocations storedRevocations(JdbcRevocationStore store, StoreChanges changes) {
        return new StoredRevocations(store, changes);
    }

    /** Builds the list at start-up, so the first signed request does not wait for the store. */
    void onStart(@Observes StartupEvent event, StoredRevocations revocations) {
        revocations.get();
    }

    @Produces
    @Singleton
    RevocationCheck revocationCheck(StoredRevocations revocations) {
        return new RevocationCheck(revocations);
    }
}
