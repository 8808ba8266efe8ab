package io.stsgate.runtime;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.store.StoreFailure;
import io.stsgate.directory.store.StoreHealth;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StoreCalls;
import io.stsgate.engine.StsException;

/**
 * {@link StoreCalls} on a small pool of its own: a frozen store can hold these threads, never an event loop or the
 * HTTP worker pool that health checks and other requests use. Each call waits at most {@code timeout}; while the store
 * is known to be down (see {@link StoreHealth}) calls fail at once. Whether it is down is the change poller's call
 * alone: one slow call (a lock held by a concurrent write) does not make an outage.
 */
final class BoundedStoreCalls implements StoreCalls, AutoCloseable {

    static final String MESSAGE = "The service is unavailable. Please try again later.";

    private final StoreHealth health;
    private final Duration timeout;
    private final ThreadPoolExecutor executor;
    private final Consumer<String> refused;

    /**
     * @param refused told the cause ({@code down}, {@code timeout}, {@code busy}, {@code failure}) of each call answered
     *        503 (a metric)
     */
    BoundedStoreCalls(StoreHealth health, Duration timeout, int threads, Consumer<String> refused) {
        this.health = health;
        this.timeout = timeout;
        this.refused = refused;
        var counter = new AtomicInteger();
        // A short queue: work waiting longer than the timeout is refused anyway.
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), runnable -> {
                    Thread thread = new Thread(runnable, "stsgate-store-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> CompletionStage<T> submit(Supplier<T> work) {
        if (!health.available()) {
            return CompletableFuture.failedFuture(unavailable("down", "the store is down since " + health.since()));
        }
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(unavailable("busy", "every store thread is busy"));
        }
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            throw new CompletionException(translate(failure));
        });
    }

    private RuntimeException translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException) {
            return unavailable("timeout", "the store did not answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof StoreFailure storeFailure) {
            return unavailable("failure", storeFailure.getMessage());
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    private StsException unavailable(String cause, String detail) {
        refused.accept(cause);
        return new StsException(ErrorCode.SERVICE_UNAVAILABLE, ReasonCode.STORE_UNAVAILABLE, MESSAGE, detail);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
