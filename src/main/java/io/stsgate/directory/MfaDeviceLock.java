package io.stsgate.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * What the failure ledger holds for one MFA device.
 *
 * @param failures refused codes counted since the last success, lock or reset
 * @param lastFailureAt when the last of them was counted, or null
 * @param lockedUntil when the last lock ends (or ended), or null
 */
public record MfaDeviceLock(String serialNumber, int failures, Instant lastFailureAt, Instant lockedUntil) {

    /** A device the ledger knows nothing about. */
    public static MfaDeviceLock none(String serialNumber) {
        return new MfaDeviceLock(serialNumber, 0, null, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The end of the lock in force at {@code now}. */
    public Optional<Instant> lockEndAt(Instant now) {
        return lockedAt(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** Failures that still count at {@code now}: none once the window since the last one has passed. */
    public int failuresAt(Instant now, MfaLockout lockout) {
        return lastFailureAt != null && now.isBefore(lastFailureAt.plus(lockout.failureWindow())) ? failures : 0;
    }
}
