package io.stsgate.engine;

import java.time.Clock;
import java.time.Instant;

import io.stsgate.audit.ReasonCode;
import io.stsgate.crypto.Totp;
import io.stsgate.directory.Directory;
import io.stsgate.directory.MfaUsage;

/**
 * Verifies an MFA serial number and TOTP code for the user behind a call. A code is accepted once per device: a reused
 * code, or one older than the last accepted, is refused like a wrong one.
 */
final class MfaCheck {

    /** AWS's message for every MFA failure; which one it was goes to the audit trail only. */
    static final String FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code. ";
    private static final int WINDOW_STEPS = 1;

    private final Directory directory;
    private final MfaUsage usage;
    private final Clock clock;
    private final Totp totp = new Totp();

    MfaCheck(Directory directory, MfaUsage usage, Clock clock) {
        this.directory = directory;
        this.usage = usage;
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
        var step = totp.matchingStep(device.get().seed(), tokenCode, now, WINDOW_STEPS);
        if (step.isEmpty()) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.MFA_CODE_INVALID, FAILED,
                    "TOTP code does not match device " + serialNumber + " within one step of now");
        }
        if (!usage.recordUse(serialNumber, step.getAsLong())) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.MFA_CODE_REUSED, FAILED,
                    "TOTP code of device " + serialNumber + " was already used");
        }
        return now;
    }
}
