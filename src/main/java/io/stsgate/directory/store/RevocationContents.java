package io.stsgate.directory.store;

import java.util.List;

import io.stsgate.directory.Revocation;

/** The unexpired revocations at one revision of the store's {@code revocation} topic. */
public record RevocationContents(long revision, List<Revocation> revocations) {

    public RevocationContents {
        revocations = List.copyOf(revocations);
    }
}
