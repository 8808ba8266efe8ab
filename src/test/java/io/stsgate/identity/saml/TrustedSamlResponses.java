package io.stsgate.identity.saml;

import java.time.Instant;

/**
 * Responses of the IdP that {@link SamlTrustResource}'s directory trusts, for tests against a running stsgate: the
 * assertion is signed with the key the resource generated, and the response is valid around the moment it is built,
 * since the server checks it against the real clock.
 */
final class TrustedSamlResponses {

    private TrustedSamlResponses() {
    }

    /** A fresh response valid now, its assertion signed by the trusted IdP. */
    static TestSamlResponses.Builder response() {
        return TestSamlResponses.response().validAround(Instant.now()).signAssertion(SamlTrustResource.idpKey());
    }
}
