package io.stsgate.directory;

/** A virtual MFA device (TOTP, RFC 6238) owned by a user. The seed never prints. */
public record MfaDevice(String serialNumber, String userArn, byte[] seed) {

    public MfaDevice {
        seed = seed.clone();
    }

    @Override
    public byte[] seed() {
        return seed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MfaDevice d && d.serialNumber.equals(serialNumber);
    }

    @Override
    public int hashCode() {
        return serialNumber.hashCode();
    }

    @Override
    public String toString() {
        return "MfaDevice[serialNumber=" + serialNumber + ", userArn=" + userArn + "]";
    }
}
