package io.stsgate.api.admin;

import java.time.Instant;

import io.stsgate.directory.Revocation;

/** A stored revocation as the admin API shows it. */
public record RevocationView(long id, String scope, String target, Instant issuedBefore, Instant expiresAt,
        Instant createdAt, String createdBy, String reason) {

    static RevocationView of(Revocation r) {
        return new RevocationView(r.id(), r.scope().wireName(), r.target(), r.issuedBefore(), r.expiresAt(),
                r.createdAt(), r.createdBy(), r.reason());
    }
}
