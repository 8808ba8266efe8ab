package io.stsgate.api.saml;

import java.time.Instant;
import java.util.Objects;

/**
 * An SP-initiated sign-in on its way to the IdP.
 *
 * @param id the AuthnRequest ID: the sealed form of this record, so the Response's signed InResponseTo brings it back
 * @param providerArn the provider asked to sign the user in; only its Response can answer
 * @param relayState the RelayState sent along, which the IdP must echo
 * @param expiresAt when a Response to this request is no longer accepted
 */
record SignInRequest(String id, String providerArn, String relayState, Instant expiresAt) {

    SignInRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
