package io.stsgate.directory;

/**
 * Remembers which TOTP time step each MFA device last used, so a code is accepted once. Shared state: a database
 * adapter makes it hold across replicas.
 */
public interface MfaUsage {

    /** Records {@code step} for the device; false when that step or a later one was already used. */
    boolean recordUse(String serialNumber, long step);
}
