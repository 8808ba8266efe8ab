package io.stsgate.policy;

/**
 * A policy document was rejected. The message is safe to return to the client: it becomes the
 * message of AWS's {@code MalformedPolicyDocument} error.
 */
public final class PolicyParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyParseException(String message) {
        super(message);
    }
}
