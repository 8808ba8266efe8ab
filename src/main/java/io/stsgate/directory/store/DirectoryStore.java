package io.stsgate.directory.store;

import java.util.function.Function;

/**
 * The store port for the directory: read everything at a revision, or change it under one writer at a time. The
 * embedded database and PostgreSQL implement it with the same SQL; replicas learn of changes through
 * {@link StoreChanges}, never by reading on the request path.
 */
public interface DirectoryStore {

    DirectoryContents read();

    /** The directory's current revision, cheap enough to poll. */
    long revision();

    /**
     * Runs {@code write} with the store-wide write lock held and commits what it changed, bumping the revision once;
     * rolls back when it throws. Returns what {@code write} returned, after the commit is durable.
     */
    <T> T write(Function<DirectoryTransaction, T> write);
}
