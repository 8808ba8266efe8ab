package io.stsgate.directory.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps {@link StoreChanges} current with what other replicas write: a PostgreSQL {@code LISTEN} for prompt news,
 * and a poll of the revision counters that bounds the delay when a notification is lost (reconnects, failover). Each
 * poll is also the store's health probe: it waits at most {@code timeout} for its answer, so a frozen store is seen as
 * down within that time and as available again at the first poll that gets through.
 */
public final class StorePoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StorePoller.class);

    private final DataSource dataSource;
    private final StoreDialect dialect;
    private final StoreChanges changes;
    private final Duration interval;
    private final Duration timeout;
    private final StoreHealth health;
    /** Runs the poll itself, so the scheduler can stop waiting for a store that does not answer. */
    private final ExecutorService probe = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stsgate-store-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> inFlight;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "stsgate-store-changes");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private volatile boolean listening;

    public StorePoller(DataSource dataSource, StoreDialect dialect, StoreChanges changes, Duration interval,
            Duration timeout, StoreHealth health) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.changes = changes;
        this.interval = interval;
        this.timeout = timeout;
        this.health = health;
    }

    public void start() {
        long millis = Math.max(100, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        if (dialect == StoreDialect.POSTGRESQL) {
            scheduler.execute(this::listen);
        }
    }

    /** One bounded poll; a poll still hanging from before counts as no answer and is not doubled. */
    void poll() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = probe.submit(this::read);
        }
        try {
            inFlight.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            health.succeeded();
        } catch (TimeoutException e) {
            health.failed("no answer to a poll within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.debugf("Polling the store for changes failed: %s", e.getCause().getMessage());
            health.failed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Void read() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (String topic : changes.topics()) {
                changes.published(topic, StoreRevisions.read(connection, topic));
            }
            // With no topic yet, the poll still proves that the store answers.
            if (changes.topics().isEmpty() && !connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                throw new SQLException("the connection is not valid");
            }
        }
        return null;
    }

    /** Holds one connection in LISTEN until closed; on failure, polling covers the gap and this retries. */
    private void listen() {
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                // LISTEN takes effect at commit: it must not run inside an open transaction.
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + StoreDialect.CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!closed) {
                    // The poll reports the outage once; this retries quietly meanwhile.
                    LOG.debugf("Listening for store changes failed, retrying: %s", e.getMessage());
                    sleep(interval);
                }
            }
        }
    }

    /** True while a PostgreSQL LISTEN connection is open (health and tests). */
    public boolean listening() {
        return listening;
    }

    private void deliver(String payload) {
        int colon = payload.lastIndexOf(':');
        if (colon <= 0) {
            return;
        }
        try {
            changes.published(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
        } catch (NumberFormatException e) {
            LOG.warnf("Ignoring a store notification without a revision");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(100, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        probe.shutdownNow();
        // A poll in flight holds a connection; let it finish so the store can be closed (or deleted) after this.
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
