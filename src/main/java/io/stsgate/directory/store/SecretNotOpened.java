package io.stsgate.directory.store;

import io.stsgate.crypto.UnsealResult;

/**
 * A stored secret that no key of the keyring opens: the store was written with another keyring (a replaced or lost
 * keyring file). Start-up turns this into a message naming the store and the keyring, so an operator knows which
 * of the two to restore or delete.
 */
public final class SecretNotOpened extends StoreFailure {

    private static final long serialVersionUID = 1L;

    private final transient EntryId owner;

    SecretNotOpened(EntryId owner, UnsealResult result) {
        super("the stored secret of " + owner + " does not open with the keyring (" + result + ")", null);
        this.owner = owner;
    }

    public EntryId owner() {
        return owner;
    }
}
