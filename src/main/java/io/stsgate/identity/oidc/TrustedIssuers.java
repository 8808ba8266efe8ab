package io.stsgate.identity.oidc;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The issuer registry in force: replaced as a whole when the directory's OIDC providers change, so a request always
 * sees one consistent registry and never waits for a rebuild.
 */
public final class TrustedIssuers {

    private final AtomicReference<OidcIssuers> current;

    public TrustedIssuers(OidcIssuers initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public OidcIssuers current() {
        return current.get();
    }

    public void replace(OidcIssuers issuers) {
        current.set(Objects.requireNonNull(issuers, "issuers"));
    }
}
