package io.stsgate.directory;

import java.time.Duration;

/**
 * When refused MFA codes lock a device, as Keycloak's brute-force detection does it: failures are counted while each
 * comes within {@code failureWindow} of the previous one (Keycloak's failure reset time), so {@code maxFailures}
 * failures within the window always lock; the lock lasts {@code lockDuration}.
 */
public record MfaLockout(int maxFailures, Duration failureWindow, Duration lockDuration) {

    public MfaLockout {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("stsgate.mfa.max-failures must be at least 1, not " + maxFailures);
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("stsgate.mfa.failure-window must be positive, not " + failureWindow);
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("stsgate.mfa.lock-duration must be positive, not " + lockDuration);
        }
    }
}
