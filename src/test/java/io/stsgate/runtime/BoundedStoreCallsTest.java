package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.store.StoreFailure;
import io.stsgate.directory.store.StoreHealth;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;

/** Store work: bounded in time, retryable 503 when the store is slow, down or saturated, errors of the work unchanged. */
class BoundedStoreCallsTest {

    private final StoreHealth health = new StoreHealth(Clock.systemUTC());
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final CountDownLatch frozen = new CountDownLatch(1);
    private final BoundedStoreCalls calls = new BoundedStoreCalls(health, Duration.ofMillis(300), 2, refused::add);

    @AfterEach
    void thaw() {
        frozen.countDown();
        calls.close();
    }

    @Test
    void callWhenStoreAnswersThenItsResult() {
        assertThat(calls.call(() -> "stored")).isEqualTo("stored");
        assertThat(health.available()).isTrue();
    }

    @Test
    void callWhenStoreHangsThenServiceUnavailableWithinTheTimeout() {
        long start = System.nanoTime();
        assertUnavailable(() -> calls.call(this::hang));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 1500L);
        // One slow call is not an outage: the poller decides.
        assertThat(health.available()).isTrue();
        assertThat(refused).containsExactly("timeout");
    }

    @Test
    void callWhileStoreDownThenServiceUnavailableAtOnceWithoutRunningTheWork() {
        health.failed("test");
        long start = System.nanoTime();
        assertUnavailable(() -> calls.call(() -> {
            throw new AssertionError("work must not run while the store is down");
        }));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100L);
        assertThat(refused).containsExactly("down");
    }

    @Test
    void callWhenEveryStoreThreadAndQueueSlotIsTakenThenServiceUnavailableAtOnce() {
        for (int i = 0; i < 2 + 8; i++) {
            calls.submit(this::hang);
        }
        long start = System.nanoTime();
        assertUnavailable(() -> calls.call(() -> "never"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100L);
        assertThat(refused).contains("busy");
    }

    @Test
    void callWhenStoreFailsThenServiceUnavailable() {
        assertUnavailable(() -> calls.call(() -> {
            throw new StoreFailure("connection refused", null);
        }));
        assertThat(refused).containsExactly("failure");
    }

    @Test
    void callWhenWorkRefusesTheRequestThenThatRefusalUnchanged() {
        var denied = new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.MFA_CODE_REUSED, "denied");
        assertThatThrownBy(() -> calls.call(() -> {
            throw denied;
        })).isSameAs(denied);
        assertThat(health.available()).isTrue();
    }

    @Test
    void callAfterOutageWhenThePollerSeesTheStoreAgainThenRuns() {
        health.failed("test");
        health.succeeded();
        assertThat(calls.call(() -> 1)).isEqualTo(1);
    }

    private String hang() {
        try {
            frozen.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "late";
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.code().httpStatus()).isEqualTo(503);
            assertThat(e.reason()).isEqualTo(ReasonCode.STORE_UNAVAILABLE);
        });
    }
}
