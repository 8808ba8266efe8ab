package io.stsgate.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Writes audit events to the {@link AuditStore} in batches, from a bounded queue on a thread of its own: the request
 * path only enqueues and never waits on the database. When the queue is full the event is dropped (the log sink still
 * has it), counted, and reported at most once a minute. {@link #close()} writes what is queued before returning.
 */
public final class StoreAuditSink implements AuditSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoreAuditSink.class);
    private static final long REPORT_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long POLL_MILLIS = 200;

    private final AuditStore store;
    private final BlockingQueue<AuditEvent> queue;
    private final int batchSize;
    private final AuditDrops drops;
    private final Clock clock;
    private final Thread writer;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean closed;

    public StoreAuditSink(AuditStore store, int capacity, int batchSize, AuditDrops drops, Clock clock) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.drops = drops;
        this.clock = clock;
        this.writer = new Thread(this::run, "stsgate-audit-store");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(AuditEvent event) {
        if (closed || !queue.offer(event)) {
            dropped("queue-full", 1);
        }
    }

    /** Events waiting to be written. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(batchSize);
        while (!closed || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                // close() interrupts only after its deadline: keep nothing back, stop.
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<AuditEvent> batch) {
        try {
            store.append(batch);
        } catch (RuntimeException e) {
            LOG.debugf(e, "audit batch of %d event(s) not stored", batch.size());
            dropped("store-failure", batch.size());
        }
    }

    private void dropped(String cause, int events) {
        drops.dropped(cause, events);
        long count = unreported.addAndGet(events);
        long now = clock.millis();
        long last = lastReport.get();
        if ((last == Long.MIN_VALUE || now - last >= REPORT_INTERVAL_MILLIS) && lastReport.compareAndSet(last, now)) {
            unreported.addAndGet(-count);
            LOG.warnf("%d audit event(s) not written to the store (%s) since the last report; the log still has them",
                    count, cause);
        }
    }

    /** Stops accepting events and writes the queued ones, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        closed = true;
        try {
            writer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            LOG.warnf("audit store flush did not finish within %s; %d event(s) left unwritten", timeout,
                    queue.size());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
