package io.stsgate.engine;

/** One key's bucket. Refilled lazily from the time of the previous request; thread-safe. */
final class TokenBucket {

    private final ThrottleLimit limit;
    private double tokens;
    private long updatedMillis;

    TokenBucket(ThrottleLimit limit, long nowMillis) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.updatedMillis = nowMillis;
    }

    /** Takes a token when one is there. */
    synchronized boolean tryTake(long nowMillis) {
        if (nowMillis > updatedMillis) {
            tokens = Math.min(limit.burst(), tokens + (nowMillis - updatedMillis) * limit.perSecond() / 1000.0);
            updatedMillis = nowMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
