package io.stsgate.directory;

/** The directory file is invalid; the message names the file, the entry and the problem. */
public final class DirectoryFileException extends RuntimeException {

    public DirectoryFileException(String message) {
        super(message);
    }

    public DirectoryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
