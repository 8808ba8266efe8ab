package io.stsgate.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs work that needs the shared store (MFA code use, SAML replay, admin writes, and whatever else a request writes
 * there) on a thread of the store's own, never on an event loop, and bounds how long its caller waits. When the store
 * is down, too slow or all its threads are busy, the work fails with {@link ErrorCode#SERVICE_UNAVAILABLE}, which
 * SDKs retry; failures of the work itself ({@link StsException}s) pass through unchanged.
 *
 * <p>
 * Work must not call {@link #call} itself: the store's threads would wait for each other.
 */
public interface StoreCalls {

    /** Starts {@code work} and completes with its result, or exceptionally with an {@link StsException}. */
    <T> CompletionStage<T> submit(Supplier<T> work);

    /** Runs {@code work} and waits for it; for callers on worker threads, never on an event loop. */
    default <T> T call(Supplier<T> work) {
        try {
            return submit(work).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
