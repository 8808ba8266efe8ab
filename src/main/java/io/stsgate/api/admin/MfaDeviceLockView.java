package io.stsgate.api.admin;

import java.time.Instant;

import io.stsgate.directory.MfaDeviceLock;
import io.stsgate.directory.MfaLockout;

/**
 * An MFA device's brute-force state as the admin API shows it.
 *
 * @param locked whether every code is refused now
 * @param lockedUntil when the lock in force ends, or null
 * @param failures refused codes that count towards the next lock now
 * @param lastFailureAt when the last of them was refused, or null
 */
public record MfaDeviceLockView(String serialNumber, boolean locked, String lockedUntil, int failures,
        String lastFailureAt) {

    static MfaDeviceLockView of(MfaDeviceLock lock, MfaLockout lockout, Instant now) {
        int failures = lock.failuresAt(now, lockout);
        return new MfaDeviceLockView(lock.serialNumber(), lock.lockedAt(now),
                lock.lockedAt(now) ? lock.lockedUntil().toString() : null, failures,
                failures > 0 ? lock.lastFailureAt().toString() : null);
    }
}
