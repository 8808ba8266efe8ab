package io.stsgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The asynchronous store sink: batches, never blocks the caller, keeps successes before refusals, retries a store that
 * is down, counts what it drops under its true cause, flushes on close.
 */
class StoreAuditSinkTest {

    static AuditEvent event(int n) {
        return new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "r" + n, "GetCallerIdentity",
                AuditEvent.Outcome.SUCCESS, ReasonCode.ISSUED, null, null, null, null, null, null, null, null, null,
                Map.of(), null, null, null);
    }

    static AuditEvent refusal(int n) {
        return new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "x" + n, "AssumeRoleWithWebIdentity",
                AuditEvent.Outcome.FAILURE, ReasonCode.TOKEN_MALFORMED, "InvalidIdentityToken", null, null, null, null,
                null, null, null, null, Map.of(), null, "203.0.113.9", null);
    }

    /** Records batches; blocks every append until released, when asked to. */
    static final class FakeStore implements AuditStore {
        final List<List<AuditEvent>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicBoolean failing;
        final AtomicInteger attempts = new AtomicInteger();

        FakeStore(boolean blocked, boolean failing) {
            this.release = new CountDownLatch(blocked ? 1 : 0);
            this.failing = new AtomicBoolean(failing);
        }

        @Override
        public void append(List<AuditEvent> events) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            attempts.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("store down");
            }
            batches.add(List.copyOf(events));
        }

        @Override
        public AuditPage query(AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        int stored() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    static final class Drops implements AuditDrops {
        final Map<String, AtomicInteger> byCause = new ConcurrentHashMap<>();

        @Override
        public void dropped(String cause, String kind, int events) {
            byCause.computeIfAbsent(cause, c -> new AtomicInteger()).addAndGet(events);
            byCause.computeIfAbsent(cause + "/" + kind, c -> new AtomicInteger()).addAndGet(events);
        }

        int of(String cause) {
            return byCause.getOrDefault(cause, new AtomicInteger()).get();
        }
    }

    @Test
    void queuedEventsAreWrittenInBatchesAndFlushedOnClose() {
        var store = new FakeStore(false, false);
        var sink = new StoreAuditSink(store, 100, 10, Duration.ZERO, new Drops(), Clock.systemUTC());

        for (int i = 0; i < 25; i++) {
            sink.record(event(i));
        }
        sink.close(Duration.ofSeconds(5));

        assertThat(store.stored()).isEqualTo(25);
        assertThat(store.batches).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(10));
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
        var store = new FakeStore(true, false);
        var drops = new Drops();
        var sink = new StoreAuditSink(store, 5, 10, Duration.ZERO, drops, Clock.systemUTC());
        sink.record(event(0));
        assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        for (int i = 1; i <= 8; i++) {
            sink.record(event(i));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(tookMillis).isLessThan(1000);
        assertThat(drops.of("queue-full")).isEqualTo(3);
        store.release.countDown();
        sink.close(Duration.ofSeconds(5));
        assertThat(store.stored()).isEqualTo(6);
    }

    @Test
    void aBatchTheStoreRefusesIsRetriedUntilTheStoreTakesIt() throws Exception {
        var store = new FakeStore(false, true);
        var drops = new Drops();
        var sink = new StoreAuditSink(store, 100, 10, Duration.ZERO, drops, Clock.systemUTC());

        sink.record(event(1));
        sink.record(event(2));
        awaitAttempts(store, 3);
        store.failing.set(false);
        sink.close(Duration.ofSeconds(10));

        assertThat(store.stored()).isEqualTo(2);
        assertThat(drops.byCause).isEmpty();
    }

    @Test
    void aFloodOfRefusalsDuringAnOutageNeverPushesOutASuccess() throws Exception {
        var store = new FakeStore(false, true);
        var drops = new Drops();
        var sink = new StoreAuditSink(store, 100, 10, Duration.ZERO, drops, Clock.systemUTC());

        int successes = 0;
        for (int i = 0; i < 10_000; i++) {
            sink.record(refusal(i));
            if (i % 200 == 0) {
                sink.record(event(successes++));
            }
        }
        awaitAttempts(store, 2);
        store.failing.set(false);
        sink.close(Duration.ofSeconds(10));

        var stored = store.batches.stream().flatMap(List::stream).toList();
        assertThat(stored.stream().filter(e -> e.outcome() == AuditEvent.Outcome.SUCCESS).count())
                .isEqualTo(successes);
        assertThat(drops.of("queue-full/success")).isZero();
        assertThat(drops.of("queue-full/refusal")).isEqualTo(10_000 + successes - stored.size());
    }

    @Test
    void eventsStillQueuedWhenShutdownGivesUpAreCountedAsShutdown() throws Exception {
        var store = new FakeStore(false, true);
        var drops = new Drops();
        var sink = new StoreAuditSink(store, 100, 10, Duration.ZERO, drops, Clock.systemUTC());
        for (int i = 0; i < 15; i++) {
            sink.record(event(i));
        }
        awaitAttempts(store, 1);

        sink.close(Duration.ofMillis(300));

        assertThat(drops.of("shutdown")).isEqualTo(15);
        assertThat(drops.of("queue-full")).isZero();
    }

    @Test
    void eventsAfterCloseAreCountedAsShutdownDrops() {
        var drops = new Drops();
        var sink = new StoreAuditSink(new FakeStore(false, false), 100, 10, Duration.ZERO, drops, Clock.systemUTC());
        sink.close(Duration.ofSeconds(5));

        sink.record(event(1));

        assertThat(drops.of("shutdown")).isEqualTo(1);
    }

    @Test
    void eventsArrivingWithinTheLingerTimeShareOneBatch() throws Exception {
        var store = new FakeStore(false, false);
        var sink = new StoreAuditSink(store, 100, 10, Duration.ofSeconds(5), new Drops(), Clock.systemUTC());

        sink.record(event(0));
        Thread.sleep(100);
        for (int i = 1; i < 10; i++) {
            sink.record(event(i));
        }
        awaitStored(store, 10);

        assertThat(store.batches).hasSize(1);
        sink.close(Duration.ofSeconds(5));
    }

    @Test
    void aBatchThatDoesNotFillIsWrittenOnceTheLingerTimeHasPassed() throws Exception {
        var store = new FakeStore(false, false);
        var sink = new StoreAuditSink(store, 100, 10, Duration.ofMillis(200), new Drops(), Clock.systemUTC());

        long started = System.nanoTime();
        sink.record(event(0));
        sink.record(event(1));
        awaitStored(store, 2);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(200);
        assertThat(store.batches).containsExactly(List.of(event(0), event(1)));
        sink.close(Duration.ofSeconds(5));
    }

    @Test
    void closingEndsTheLingerAndWritesWhatIsQueued() {
        var store = new FakeStore(false, false);
        var sink = new StoreAuditSink(store, 100, 10, Duration.ofMinutes(10), new Drops(), Clock.systemUTC());
        sink.record(event(0));

        long started = System.nanoTime();
        sink.close(Duration.ofSeconds(5));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
        assertThat(store.stored()).isEqualTo(1);
    }

    private static void awaitStored(FakeStore store, int events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.stored() < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.stored()).isEqualTo(events);
    }

    private static void awaitAttempts(FakeStore store, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.attempts.get() < attempts && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.attempts.get()).isGreaterThanOrEqualTo(attempts);
    }
}
