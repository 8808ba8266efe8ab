package io.stsgate.directory;

import io.stsgate.policy.PolicyParseException;

/** The directory file is invalid; the message names the file, the entry and the problem. */
public final class DirectoryFileException extends RuntimeException {

    public DirectoryFileException(String message) {
        super(message);
    }

    public DirectoryFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the problem is a policy document the parser refused (AWS's MalformedPolicyDocument). */
    public boolean malformedPolicy() {
        return getCause() instanceof PolicyParseException;
    }
}
