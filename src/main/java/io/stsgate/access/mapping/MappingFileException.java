package io.stsgate.access.mapping;

/** The mapping file cannot be used; the message names the file, the entry and the problem. Stops start-up. */
public final class MappingFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MappingFileException(String message) {
        super(message);
    }

    public MappingFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
