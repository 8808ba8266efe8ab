package io.stsgate.engine;

/** A GetSessionToken request. */
public record GetSessionTokenCommand(Integer durationSeconds, String serialNumber, String tokenCode) {

    @Override
    public String toString() {
        return "GetSessionTokenCommand[durationSeconds=" + durationSeconds + ", serialNumber=" + serialNumber + "]";
    }
}
