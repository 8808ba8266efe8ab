package io.stsgate.directory.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

/**
 * Whether this replica can reach the store, from what its calls and the change poller saw last. A change of state is
 * logged once (one WARN when an outage begins, one INFO when it ends), never once per failed call or poll.
 */
public final class StoreHealth {

    private static final Logger LOG = Logger.getLogger(StoreHealth.class);

    private final Clock clock;
    private boolean available = true;
    private Instant since;
    private String cause;

    public StoreHealth(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    /** A call or a poll got its answer. */
    public synchronized void succeeded() {
        if (!available) {
            available = true;
            Duration outage = Duration.between(since, clock.instant());
            since = clock.instant();
            LOG.infof("The store answers again after %d s unavailable", outage.toSeconds());
        }
    }

    /** A call or a poll failed or timed out because of the store; {@code why} says how, without any data. */
    public synchronized void failed(String why) {
        if (available) {
            available = false;
            since = clock.instant();
            cause = why;
            LOG.warnf("The store is unavailable (%s): requests that need it answer 503 until it answers again", why);
        }
    }

    public synchronized boolean available() {
        return available;
    }

    /** Since when the store is in its current state. */
    public synchronized Instant since() {
        return since;
    }

    /** How the current outage began, or null while the store is available. */
    public synchronized String cause() {
        return available ? null : cause;
    }
}
