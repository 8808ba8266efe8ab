package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.testsupport.store.TestStores;

/** The change poll is the store's health probe: a store that stops answering is down within the timeout. */
class StorePollerHealthTest {

    @TempDir
    java.nio.file.Path folder;

    @Test
    void pollWhenStoreHangsThenDownWithinTimeoutAndUpAgainWhenItAnswers() throws Exception {
        var store = TestStores.embedded(folder);
        // Opening the database file is slow the first time; the probe's bound is about a running store.
        store.dataSource().getConnection().close();
        var hanging = new HangingDataSource(store.dataSource());
        var health = new StoreHealth(Clock.systemUTC());
        var changes = new StoreChanges();
        changes.subscribe(JdbcDirectoryStore.TOPIC, revision -> {
        });
        try (var poller = new StorePoller(hanging, store.dialect(), changes, Duration.ofHours(1),
                Duration.ofSeconds(1), health)) {
            poller.poll();
            assertThat(health.available()).isTrue();

            long start = System.nanoTime();
            poller.poll();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000L);
            assertThat(health.available()).isFalse();
            // The hanging poll is not doubled: the next one reports it again, at once.
            poller.poll();
            assertThat(health.available()).isFalse();

            hanging.release.countDown();
            poller.poll();
            assertThat(health.available()).isTrue();
        }
    }

    /** Answers the first connection request, then hangs every request until released. */
    private static final class HangingDataSource implements DataSource {
        final CountDownLatch release = new CountDownLatch(1);
        private final DataSource delegate;
        private int requests;

        HangingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (requests++ > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted");
                }
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
