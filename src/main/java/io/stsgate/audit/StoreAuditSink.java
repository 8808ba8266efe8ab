package io.stsgate.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

/**
 * Writes audit events to the {@link AuditStore} in batches, from a bounded queue on a thread of its own: the request
 * path only enqueues and never waits on the database.
 *
 * <p>
 * What must not be lost comes first. Successes (issued credentials, answered calls) and refusals wait in two queues
 * that share one capacity: a success that finds the queue full takes the place of the oldest refusal, and batches
 * take successes first; only when the queue holds nothing but successes is a success dropped. A batch the store
 * refuses is retried, with a growing pause (up to {@link #MAX_BACKOFF}), until the store takes it: an outage fills the
 * queue, it does not empty it. Drops are counted by cause ({@code queue-full}, {@code shutdown}) and kind
 * ({@code success}, {@code refusal}) and reported at most once a minute; an outage is logged when it begins and when
 * it ends. {@link #close(Duration)} writes what is queued before returning, within its deadline.
 *
 * <p>
 * A batch that is not full waits up to the linger time for more events before it is written: a transaction costs the
 * store about as much for one event as for hundreds (an embedded store rewrites the B-tree pages a commit touched), so
 * under load a few large commits cost a fraction of many small ones. An event reaches the store at most that much
 * later; nothing else changes (the queue, its order and its bounds are the same, and closing ends the wait at once).
 */
public final class StoreAuditSink implements AuditSink, AutoCloseable {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(StoreAuditSink.class);
    private static final long REPORT_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long POLL_MILLIS = 200;
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private final AuditStore store;
    private final int capacity;
    private final int batchSize;
    private final long lingerNanos;
    private final AuditDrops drops;
    private final Clock clock;
    private final Thread writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final Deque<AuditEvent> successes = new ArrayDeque<>();
    private final Deque<AuditEvent> refusals = new ArrayDeque<>();
    /** Drops since the last report, by "cause/kind"; guarded by {@link #lock}. */
    private final Map<String, Long> unreported = new TreeMap<>();
    private long lastReport = Long.MIN_VALUE;
    private volatile boolean closed;
    private volatile boolean writing;

    public StoreAuditSink(AuditStore store, int capacity, int batchSize, Duration linger, AuditDrops drops,
            Clock clock) {
        this.store = store;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.lingerNanos = linger.toNanos();
        this.drops = drops;
        this.clock = clock;
        this.writer = new Thread(this::run, "stsgate-audit-store");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(AuditEvent event) {
        boolean success = event.outcome() == AuditEvent.Outcome.SUCCESS;
        lock.lock();
        try {
            if (closed) {
                dropped("shutdown", event, 1);
                return;
            }
            if (successes.size() + refusals.size() >= capacity) {
                if (success && !refusals.isEmpty()) {
                    // A success is never dropped in favour of a refusal.
                    dropped("queue-full", refusals.pollFirst(), 1);
                } else {
                    dropped("queue-full", event, 1);
                    return;
                }
            }
            (success ? successes : refusals).addLast(event);
            int queued = successes.size() + refusals.size();
            // The writer waits for the first event, then (lingering) for a full batch: no wake-up for the others.
            if (queued == 1 || queued == batchSize) {
                waiting.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting to be written. */
    public int queued() {
        lock.lock();
        try {
            return successes.size() + refusals.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(batchSize);
        try {
            while (true) {
                if (!nextBatch(batch)) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                writeUntilStored(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close() interrupts only after its deadline: what is left is counted, then the thread ends.
            lock.lock();
            try {
                for (AuditEvent event : batch) {
                    dropped("shutdown", event, 1);
                }
                successes.forEach(event -> dropped("shutdown", event, 1));
                refusals.forEach(event -> dropped("shutdown", event, 1));
                successes.clear();
                refusals.clear();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Fills {@code batch}, successes first, once it can be full or the linger time has passed; false when nothing came
     * within the poll interval.
     */
    private boolean nextBatch(List<AuditEvent> batch) throws InterruptedException {
        lock.lock();
        try {
            if (successes.isEmpty() && refusals.isEmpty()) {
                if (closed) {
                    return false;
                }
                waiting.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            long linger = lingerNanos;
            int queued = successes.size() + refusals.size();
            while (queued > 0 && queued < batchSize && linger > 0 && !closed) {
                linger = waiting.awaitNanos(linger);
                queued = successes.size() + refusals.size();
            }
            while (batch.size() < batchSize && !successes.isEmpty()) {
                batch.add(successes.pollFirst());
            }
            while (batch.size() < batchSize && !refusals.isEmpty()) {
                batch.add(refusals.pollFirst());
            }
            writing = !batch.isEmpty();
            return writing;
        } finally {
            lock.unlock();
        }
    }

    private void writeUntilStored(List<AuditEvent> batch) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MILLIS;
        long outageStart = 0;
        while (true) {
            try {
                store.append(batch);
                if (outageStart != 0) {
                    LOG.infof("Audit events are written to the store again after %d s; %d event(s) still queued",
                            TimeUnit.MILLISECONDS.toSeconds(clock.millis() - outageStart), queued());
                }
                writing = false;
                return;
            } catch (RuntimeException e) {
                if (outageStart == 0) {
                    outageStart = clock.millis();
                    LOG.warnf("Audit events cannot be written to the store (%s); they wait in the queue "
                            + "(capacity %d) and are retried until the store takes them", e.getClass().getSimpleName(),
                            capacity);
                }
                LOG.debugf(e, "audit batch of %d event(s) not stored yet", batch.size());
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    /** Counts one drop; called with {@link #lock} held. */
    private void dropped(String cause, AuditEvent event, int events) {
        String kind = event.outcome() == AuditEvent.Outcome.SUCCESS ? "success" : "refusal";
        drops.dropped(cause, kind, events);
        unreported.merge(cause + "/" + kind, (long) events, Long::sum);
        long now = clock.millis();
        if (lastReport == Long.MIN_VALUE || now - lastReport >= REPORT_INTERVAL_MILLIS) {
            lastReport = now;
            LOG.warnf("Audit events not written to the store since the last report (cause/kind: count): %s; "
                    + "the log still has them", unreported);
            unreported.clear();
        }
    }

    /** Stops accepting events and writes the queued ones, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        closed = true;
        lock.lock();
        try {
            waiting.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            int left = queued() + (writing ? 1 : 0);
            writer.interrupt();
            try {
                writer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("audit store flush did not finish within %s; about %d event(s) left unwritten", timeout, left);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
