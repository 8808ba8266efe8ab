package io.stsgate.policy;

/** Text is not JSON as RFC 8259 defines it, or breaks a reader bound. */
final class JsonSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
        super(message, null, false, false);
    }
}
