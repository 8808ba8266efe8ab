package io.stsgate.directory.store;

/** The store could not be reached or refused a statement; nothing was changed. */
public final class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
