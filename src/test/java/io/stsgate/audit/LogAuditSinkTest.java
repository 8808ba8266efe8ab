package io.stsgate.audit;

import static io.stsgate.audit.StoreAuditSinkTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log's writer thread: the caller only enqueues, every event becomes exactly one line, nothing is dropped
 * when the queue is full or the sink closed, and closing writes what is queued.
 */
class LogAuditSinkTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    /** The lines written, with the thread that wrote each. */
    static final class Lines implements Consumer<String> {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Map<String, String> threads = new ConcurrentHashMap<>();
        final CountDownLatch release;
        final CountDownLatch entered = new CountDownLatch(1);

        Lines(boolean blocked) {
            this.release = new CountDownLatch(blocked ? 1 : 0);
        }

        @Override
        public void accept(String line) {
            if (Thread.currentThread().getName().equals("stsgate-audit-log")) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lines.add(line);
            threads.put(line, Thread.currentThread().getName());
        }

        List<String> requestIds() {
            List<String> ids = new ArrayList<>();
            for (String line : lines) {
                int start = line.indexOf("\"requestId\":\"") + 13;
                ids.add(line.substring(start, line.indexOf('"', start)));
            }
            return ids;
        }
    }

    private LogAuditSink sink;

    @AfterEach
    void close() {
        if (sink != null) {
            sink.close(FLUSH);
        }
    }

    @Test
    void theWriterThreadWritesEveryEventAsOneJsonLineInOrder() {
        Lines lines = new Lines(false);
        sink = new LogAuditSink(100, FLUSH, () -> true, lines);
        for (int i = 0; i < 50; i++) {
            sink.record(event(i));
        }
        sink.close(FLUSH);

        assertThat(lines.requestIds()).containsExactlyElementsOf(ids(0, 50));
        assertThat(lines.lines).allSatisfy(line -> assertThat(line).startsWith("{\"time\":\"2026-11-22T10:00:00Z\"")
                .contains("\"action\":\"GetCallerIdentity\"").doesNotContain("\n"));
        assertThat(lines.threads.values()).containsOnly("stsgate-audit-log");
    }

    @Test
    void theCallerDoesNotWaitForTheLog() throws InterruptedException {
        Lines lines = new Lines(true);
        sink = new LogAuditSink(100, FLUSH, () -> true, lines);
        sink.record(event(0));
        assertThat(lines.entered.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        for (int i = 1; i <= 10; i++) {
            sink.record(event(i));
        }
        // The writer is stuck in its first line: the ten returned at once, queued.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(sink.queued()).isEqualTo(10);
        lines.release.countDown();
        sink.close(FLUSH);
        assertThat(lines.requestIds()).containsExactlyElementsOf(ids(0, 11));
    }

    @Test
    void aFullQueueMakesTheCallerWriteItsOwnLineInsteadOfDroppingIt() throws InterruptedException {
        Lines lines = new Lines(true);
        sink = new LogAuditSink(3, FLUSH, () -> true, lines);
        sink.record(event(0));
        assertThat(lines.entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 3; i++) {
            sink.record(event(i));
        }
        assertThat(sink.queued()).isEqualTo(3);

        sink.record(event(4));
        sink.record(event(5));

        assertThat(lines.requestIds()).containsExactly("r4", "r5");
        assertThat(lines.threads.get(lines.lines.get(0))).isEqualTo(Thread.currentThread().getName());
        lines.release.countDown();
        sink.close(FLUSH);
        assertThat(lines.requestIds()).containsExactlyInAnyOrderElementsOf(ids(0, 6)).hasSize(6);
    }

    @Test
    void closingWritesWhatIsQueuedAndLaterEventsAreWrittenByTheirCallers() throws InterruptedException {
        Lines lines = new Lines(true);
        sink = new LogAuditSink(100, FLUSH, () -> true, lines);
        sink.record(event(0));
        assertThat(lines.entered.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 20; i++) {
            sink.record(event(i));
        }
        Thread closing = new Thread(() -> sink.close(FLUSH));
        closing.start();
        lines.release.countDown();
        closing.join(10_000);
        assertThat(closing.isAlive()).isFalse();
        assertThat(lines.requestIds()).containsExactlyElementsOf(ids(0, 20));

        sink.record(event(20));
        assertThat(lines.requestIds()).hasSize(21).endsWith("r20");
        assertThat(lines.threads.get(lines.lines.get(20))).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void closingGivesUpAfterItsTimeoutWhenTheLogCannotBeWritten() throws InterruptedException {
        Lines lines = new Lines(true);
        sink = new LogAuditSink(100, FLUSH, () -> true, lines);
        sink.record(event(0));
        assertThat(lines.entered.await(5, TimeUnit.SECONDS)).isTrue();
        sink.record(event(1));

        long start = System.nanoTime();
        sink.close(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(sink.queued()).isEqualTo(1);
        lines.release.countDown();
    }

    @Test
    void aCategoryThatIsOffQueuesAndWritesNothing() {
        Lines lines = new Lines(false);
        sink = new LogAuditSink(100, FLUSH, () -> false, lines);
        sink.record(event(0));
        assertThat(sink.queued()).isZero();
        sink.close(FLUSH);
        assertThat(lines.lines).isEmpty();
    }

    @Test
    void aLineThatCannotBeWrittenDoesNotStopTheWriter() {
        List<String> written = new CopyOnWriteArrayList<>();
        sink = new LogAuditSink(100, FLUSH, () -> true, line -> {
            if (line.contains("\"requestId\":\"r1\"")) {
                throw new IllegalStateException("console closed");
            }
            written.add(line);
        });
        for (int i = 0; i < 3; i++) {
            sink.record(event(i));
        }
        sink.close(FLUSH);
        assertThat(written).hasSize(2);
        assertThat(String.join("\n", written)).contains("\"r0\"", "\"r2\"");
    }

    @Test
    void concurrentCallersLoseNothingAndDuplicateNothing() throws InterruptedException {
        Lines lines = new Lines(false);
        // A small queue: some callers find it full and write their own lines.
        sink = new LogAuditSink(16, FLUSH, () -> true, lines);
        int callers = 8;
        int each = 2_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            int base = t * each;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    sink.record(event(base + i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        sink.close(FLUSH);
        assertThat(lines.requestIds()).hasSize(callers * each).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids(0, callers * each));
    }

    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("r" + i);
        }
        return ids;
    }
}
