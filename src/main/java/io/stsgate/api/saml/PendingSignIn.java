package io.stsgate.api.saml;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.stsgate.identity.saml.VerifiedAssertion;

/**
 * A verified assertion waiting for the user's role choice.
 *
 * @param id the continuation id the picker form carries (256 random bits)
 * @param csrfToken the token the picker form and the cookie must both carry (256 random bits)
 * @param assertion the assertion, verified once (its id is already spent in the replay cache)
 * @param providerArn the provider whose keys verified it
 * @param offered the roles the picker offered; nothing else can be chosen
 * @param expiresAt when the choice is no longer accepted
 */
record PendingSignIn(String id, String csrfToken, VerifiedAssertion assertion, String providerArn,
        List<RoleChoice> offered, Instant expiresAt) {

    PendingSignIn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(providerArn, "providerArn");
        offered = List.copyOf(offered);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        // The id and the token are bearer secrets until used.
        return "PendingSignIn[providerArn=" + providerArn + ", assertion=" + assertion + ", expiresAt=" + expiresAt
                + "]";
    }
}
