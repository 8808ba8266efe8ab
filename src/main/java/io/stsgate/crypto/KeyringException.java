package io.stsgate.crypto;

/**
 * A keyring file cannot be read, parsed or written. The message names the file and, for a bad entry, the line; it
 * never contains key material.
 */
public final class KeyringException extends RuntimeException {

    public KeyringException(String message) {
        super(message);
    }

    public KeyringException(String message, Throwable cause) {
        super(message, cause);
    }
}
