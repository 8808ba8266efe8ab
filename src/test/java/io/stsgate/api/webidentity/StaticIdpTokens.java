package io.stsgate.api.webidentity;

import java.security.PrivateKey;
import java.time.Instant;

import io.stsgate.testsupport.TestJwts;

/**
 * ID tokens of {@link StaticIdpResource}'s IdP for its client, issued at one instant: what the web identity HTTP tests
 * start from before changing a claim or a header.
 *
 * @param key the IdP's signing key
 * @param now the issue instant
 */
record StaticIdpTokens(PrivateKey key, Instant now) {

    /** Reads the key the test resource wrote; call once the application has started. */
    static StaticIdpTokens issuedNow() throws Exception {
        return new StaticIdpTokens(StaticIdpResource.signingKey(), Instant.now());
    }

    TestJwts.IdToken token() {
        return TestJwts.idToken(StaticIdpResource.ISSUER, StaticIdpResource.CLIENT_ID, now);
    }

    /** RS256 under the IdP's published key id. */
    String signed(TestJwts.IdToken token) {
        return token.sign("RS256", StaticIdpResource.KEY_ID, key);
    }
}
