package io.stsgate.identity.oidc;

import io.smallrye.mutiny.Uni;

/** Where a provider's signature keys come from. */
public interface JwksSource {

    /**
     * The provider's current keys. With cached, fresh keys the Uni must emit at subscription, without I/O. A failed
     * Uni means no usable keys (the verifier answers {@link OidcFailure#IDP_UNREACHABLE}).
     *
     * @param refresh the caller met a key id that the keys it got do not hold: fetch again if the rate limit allows,
     *        otherwise answer with what is cached
     */
    Uni<JwkSet> keys(OidcProviderSettings provider, boolean refresh);
}
