package io.stsgate.audit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes each audit event as one JSON line on the {@code stsgate.audit} log category, from a thread of its own
 * ({@code stsgate-audit-log}): the request path only enqueues. Event loops that wrote their own lines queued on the
 * console handler's lock and its write per line, a third of GetCallerIdentity's CPU at 50 connections (issue 17); one
 * writer formats and writes them without that contention, in batches (it lingers 2 ms after the first event, so a busy
 * server wakes it once per batch, not once per event).
 *
 * <p>
 * The log is the audit record that is never dropped (the store's queue may drop, the log keeps the event), so the
 * queue does not drop either: when it is full, or once the sink is closed, the caller writes its line itself, as
 * before the queue (such a line may come before queued ones; each carries its own time). {@link #close(Duration)}
 * writes what is queued. What is lost is what any log loses when the process is killed: lines not yet written, here
 * the queue's few milliseconds. Produced typed to itself: the application injects the {@link AuditFanOut} as
 * its {@link AuditSink}.
 */
public class LogAuditSink implements AuditSink {

    private static final Logger LOG = Logger.getLogger("stsgate.audit");
    private static final Logger ERRORS = Logger.getLogger(LogAuditSink.class);
    private static final long LINGER_NANOS = Duration.ofMillis(2).toNanos();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final int capacity;
    private final Duration flushTimeout;
    private final BooleanSupplier enabled;
    private final Consumer<String> lines;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final Thread writer;
    /** Guarded by {@link #lock}; swapped with the writer's empty deque when it takes the queued events. */
    private ArrayDeque<AuditEvent> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /** Writes on the {@code stsgate.audit} category, when its level lets INFO through. */
    public LogAuditSink(int capacity, Duration flushTimeout) {
        this(capacity, flushTimeout, LOG::isInfoEnabled, LOG::info);
    }

    /**
     * @param enabled whether lines are wanted at all (the category's level): when not, events are not even queued
     * @param lines writes one line
     */
    LogAuditSink(int capacity, Duration flushTimeout, BooleanSupplier enabled, Consumer<String> lines) {
        this.capacity = capacity;
        this.flushTimeout = flushTimeout;
        this.enabled = enabled;
        this.lines = lines;
        this.writer = new Thread(this::run, "stsgate-audit-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(AuditEvent event) {
        if (!enabled.getAsBoolean()) {
            return;
        }
        lock.lock();
        try {
            if (!closed && queue.size() < capacity) {
                queue.addLast(event);
                // The writer waits only on an empty queue: one wake-up per batch, not per event.
                if (queue.size() == 1) {
                    waiting.signal();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        write(event);
    }

    /** Events waiting to be written. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        ArrayDeque<AuditEvent> batch = new ArrayDeque<>();
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty()) {
                    if (closed) {
                        return;
                    }
                    waiting.await();
                }
                // A moment for more to come: under load one wake-up (and one signal) per batch instead of per event.
                long linger = LINGER_NANOS;
                while (linger > 0 && !closed) {
                    linger = waiting.awaitNanos(linger);
                }
                ArrayDeque<AuditEvent> taken = queue;
                queue = batch;
                batch = taken;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            for (AuditEvent event = batch.pollFirst(); event != null; event = batch.pollFirst()) {
                write(event);
            }
        }
    }

    private void write(AuditEvent event) {
        try {
            lines.accept(JSON.writeValueAsString(event));
        } catch (JsonProcessingException | RuntimeException e) {
            ERRORS.errorf("audit event %s could not be written to the log: %s", event.requestId(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Writes what is queued, waiting at most {@code timeout} (a log that cannot be written to, such as a console
     * nobody reads, must not hold shutdown); later events are written by their callers.
     */
    public void close(Duration timeout) {
        lock.lock();
        try {
            closed = true;
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
            ERRORS.warnf("audit log flush did not finish within %s; about %d event(s) left unwritten", timeout,
                    queued());
        }
    }

    /** {@link #close(Duration)} with the flush timeout given at construction. */
    public void close() {
        close(flushTimeout);
    }
}
