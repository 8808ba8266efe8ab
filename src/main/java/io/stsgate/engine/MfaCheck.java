package io.stsgate.engine;

import java.time.Clock;
import java.time.Instant;

import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.Totp;
import io.stsgate.directory.Directory;
import io.stsgate.directory.MfaFailures;
import io.stsgate.directory.MfaLockout;
import io.stsgate.directory.MfaUsage;

/**
 * Verifies an MFA serial number and TOTP code for the user behind a call. A code is accepted once per device: a reused
 * code, or one older than the last accepted, is refused like a wrong one. Every refused code counts towards the
 * device's lock ({@link MfaLockout}); while locked, every code is refused unchecked, even a correct one, with the same
 * message as any other MFA failure, so a guesser cannot tell a lock from a wrong code. A success clears the count, as
 * a successful login does in Keycloak.
 */
final class MfaCheck {

    /** AWS's message for every MFA failure; which one it was goes to the audit trail only. */
    static final String FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code. ";
    private static final int WINDOW_STEPS = 1;

    private final Directory directory;
    private final MfaUsage usage;
    private final MfaFailures failures;
    private final MfaLockout lockout;
    private final Clock clock;
    private final Totp totp = new Totp();

    MfaCheck(Directory directory, MfaUsage usage, MfaFailures failures, MfaLockout lockout, Clock clock) {
        this.directory = directory;
        this.usage = usage;
        this.failures = failures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Returns when MFA was presented, or null when no serial number was given. */
    Instant verify(String userArn, String serialNumber, String tokenCode) {
        if (serialNumber == null && tokenCode == null) {
            return null;
        }
        if (serialNumber == null || tokenCode == null) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.MFA_CODE_INVALID,
                    "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }
        var device = directory.mfaDevice(serialNumber).filter(d -> d.userArn().equals(userArn));
        if (device.isEmpty()) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.MFA_DEVICE_UNKNOWN, FAILED,
                    "MFA device " + serialNumber + " does not exist or does not belong to " + userArn);
        }
        Instant now = clock.instant();
        var locked = failures.admit(serialNumber, now, lockout);
        if (locked.isPresent()) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.MFA_DEVICE_LOCKED, FAILED, "MFA device "
                    + serialNumber + " is locked until " + locked.get() + " after repeated refused codes");
        }
        var step = totp.matchingStep(device.get().seed(), tokenCode, now, WINDOW_STEPS);
        if (step.isEmpty()) {
            throw refused(serialNumber, now, ReasonCode.MFA_CODE_INVALID,
                    "TOTP code does not match device " + serialNumber + " within one step of now");
        }
        if (!usage.recordUse(serialNumber, step.getAsLong())) {
            // A replayed code counts too: whoever replays it is not the device's holder.
            throw refused(serialNumber, now, ReasonCode.MFA_CODE_REUSED,
                    "TOTP code of device " + serialNumber + " was already used");
        }
        failures.accepted(serialNumber);
        return now;
    }

    private StsException refused(String serialNumber, Instant now, ReasonCode reason, String detail) {
        var lock = failures.refused(serialNumber, now, lockout);
        return new StsException(ErrorCode.ACCESS_DENIED, reason, FAILED,
                lock.map(until -> detail + "; the device is now locked until " + until).orElse(detail));
    }
}
