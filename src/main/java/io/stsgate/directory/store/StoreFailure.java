package io.stsgate.directory.store;

/** The store could not be reached or refused a statement, or holds what this replica cannot read. */
public class StoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
