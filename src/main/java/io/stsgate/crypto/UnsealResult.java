package io.stsgate.crypto;

import java.util.Arrays;
import java.util.Objects;

/** The outcome of {@link TokenSealer#unseal}: the plaintext, or why the token was refused. */
public sealed interface UnsealResult {

    /** Why a token was refused. */
    enum Reason {
        /** Not a token of this format: bad base64, wrong version, truncated, oversized. */
        MALFORMED,
        /** Well-formed, but sealed with a key id the keyring does not hold (any more). */
        UNKNOWN_KEY,
        /** The authentication tag does not verify: modified, or presented with another access key id or purpose. */
        TAMPERED
    }

    /** A token that verified; {@code key} is the keyring key that sealed it. toString does not show the plaintext. */
    record Opened(byte[] plaintext, KeyringKey key) implements UnsealResult {

        public Opened {
            Objects.requireNonNull(plaintext, "plaintext");
            Objects.requireNonNull(key, "key");
            plaintext = plaintext.clone();
        }

        @Override
        public byte[] plaintext() {
            return plaintext.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Opened that && Arrays.equals(plaintext, that.plaintext) && key.equals(that.key);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(plaintext) + key.hashCode();
        }

        @Override
        public String toString() {
            return "Opened[plaintext=<" + plaintext.length + " bytes>, key=" + key.id() + "]";
        }
    }

    /** A refused token. */
    record Rejected(Reason reason) implements UnsealResult {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
