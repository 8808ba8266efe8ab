package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.directory.RevocableSession;
import io.stsgate.directory.RevocationScope;
import io.stsgate.testsupport.store.RequiresPostgres;
import io.stsgate.testsupport.store.TestStores;
import io.stsgate.testsupport.store.TestStores.TestStore;

/**
 * Two replicas as two independent stacks (changes, poller, store, in-memory list) on one PostgreSQL schema: a
 * revocation made through one reaches the other's list within 5 seconds, by notification and, with notifications off,
 * by polling; and checking a credential against the list opens no database connection.
 */
@RequiresPostgres
class RevocationPropagationTest {

    static final String ROLE = "arn:aws:iam::222222222222:role/partner-readonly";
    static final RevocableSession SESSION = new RevocableSession("ASIAAAAAAAAAAAAAAAAA", ROLE, List.of(), null,
            Instant.now().minusSeconds(60));

    TestStore store;
    Replica first;
    Replica second;

    /** One replica's revocation stack; {@code dialect} decides whether its writes are announced by notification. */
    static final class Replica implements AutoCloseable {
        final CountingDataSource connections;
        final StoreChanges changes = new StoreChanges();
        final StorePoller poller;
        final JdbcRevocationStore store;
        final StoredRevocations list;

        Replica(DataSource dataSource, StoreDialect dialect, Duration pollInterval) {
            connections = new CountingDataSource(dataSource);
            store = new JdbcRevocationStore(connections, dialect, changes, Clock.systemUTC());
            list = new StoredRevocations(store, changes);
            poller = new StorePoller(connections, StoreDialect.POSTGRESQL, changes, pollInterval,
                    Duration.ofSeconds(5), new StoreHealth(Clock.systemUTC()));
            poller.start();
        }

        @Override
        public void close() {
            poller.close();
        }
    }

    @BeforeEach
    void open() {
        store = TestStores.postgres();
    }

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aRevocationReachesTheOtherReplicaByNotificationWithinFiveSeconds() throws Exception {
        // Polling once an hour: only LISTEN/NOTIFY can deliver within the test.
        first = new Replica(store.dataSource(), StoreDialect.POSTGRESQL, Duration.ofHours(1));
        second = new Replica(store.dataSource(), StoreDialect.POSTGRESQL, Duration.ofHours(1));
        await(() -> second.poller.listening(), "the second replica to listen");

        first.store.add(new NewRevocation(RevocationScope.ROLE, ROLE, Instant.now(), "ops", null));

        assertThat(await(() -> second.list.get().revoking(SESSION).isPresent(), "the revocation")).isTrue();
    }

    @Test
    void aRevocationReachesTheOtherReplicaByPollingWhenNotificationsAreOff() throws Exception {
        // The writer announces nothing (the embedded dialect): only the reader's 1-second poll can deliver.
        first = new Replica(store.dataSource(), StoreDialect.EMBEDDED, Duration.ofHours(1));
        second = new Replica(store.dataSource(), StoreDialect.POSTGRESQL, Duration.ofSeconds(1));

        first.store.add(new NewRevocation(RevocationScope.ROLE, ROLE, Instant.now(), "ops", null));

        assertThat(await(() -> second.list.get().revoking(SESSION).isPresent(), "the revocation")).isTrue();
    }

    @Test
    void checkingCredentialsOpensNoDatabaseConnection() throws Exception {
        first = new Replica(store.dataSource(), StoreDialect.POSTGRESQL, Duration.ofHours(1));
        // The LISTEN connection opens in the background: let it, so it is not counted as a check's.
        await(() -> first.poller.listening(), "the replica to listen");
        first.store.add(new NewRevocation(RevocationScope.ROLE, ROLE, Instant.now(), "ops", null));
        int before = first.connections.opened.get();

        for (int i = 0; i < 10_000; i++) {
            assertThat(first.list.get().revoking(SESSION)).isPresent();
        }

        assertThat(first.connections.opened.get()).isEqualTo(before);
    }

    private static boolean await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                System.err.println("timed out waiting for " + what);
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Counts the connections opened through it. */
    static final class CountingDataSource implements DataSource {
        final AtomicInteger opened = new AtomicInteger();
        private final DataSource delegate;

        CountingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            opened.incrementAndGet();
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws java.sql.SQLException {
            opened.incrementAndGet();
            return delegate.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws java.sql.SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws java.sql.SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws java.sql.SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws java.sql.SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws java.sql.SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
