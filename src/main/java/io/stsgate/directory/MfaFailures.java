package io.stsgate.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts refused MFA codes per device and locks a device that collects too many (see {@link MfaLockout}). Shared
 * state: the database adapter makes replicas add up, so spreading guesses over replicas gains nothing.
 */
public interface MfaFailures {

    /**
     * Counts an attempt as a failure before its code is checked, so concurrent guesses, on any replica, never get more
     * than {@code maxFailures} codes checked; a success then clears the count. Returns the end of the lock when the
     * device is locked (then nothing is counted): the code must be refused unchecked.
     */
    Optional<Instant> admit(String serialNumber, Instant now, MfaLockout lockout);

    /** The admitted code was refused: locks the device when the count reached the limit; the lock's end if so. */
    Optional<Instant> refused(String serialNumber, Instant now, MfaLockout lockout);

    /** The admitted code was accepted: the count starts again from zero (a lock in force is kept). */
    void accepted(String serialNumber);

    /** The device's counters, for administrators. */
    MfaDeviceLock state(String serialNumber);

    /** Ends the device's lock and clears its count; false when there was nothing to clear. */
    boolean clear(String serialNumber);
}
