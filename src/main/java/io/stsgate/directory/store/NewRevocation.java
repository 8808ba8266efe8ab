package io.stsgate.directory.store;

import java.time.Instant;

import io.stsgate.directory.RevocationScope;

/** A revocation as an administrator asked for it, before the store gave it an id. */
public record NewRevocation(RevocationScope scope, String target, Instant issuedBefore, String createdBy,
        String reason) {
}
