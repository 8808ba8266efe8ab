package io.stsgate.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.Directory;
import io.stsgate.directory.OidcProvider;
import io.stsgate.directory.store.StoredDirectory;
import io.stsgate.identity.oidc.HttpJwksSource;
import io.stsgate.identity.oidc.JwksCache;
import io.stsgate.identity.oidc.JwksPolicy;
import io.stsgate.identity.oidc.OidcIssuers;
import io.stsgate.identity.oidc.OidcProviderSettings;
import io.stsgate.identity.oidc.TrustedIssuers;

/**
 * Builds the issuer registry (one verifier per trusted issuer) from the directory's OIDC providers, and rebuilds it
 * when the stored directory changes. Fetched keys live in the shared JWKS cache, so a rebuild refetches nothing.
 */
@Singleton
public class OidcIssuerSource {

    @Produces
    @Singleton
    TrustedIssuers trustedIssuers(StoredDirectory directory, JwksCache cache, StsgateConfig config, Clock clock) {
        var oidc = config.oidc();
        var policy = new JwksPolicy(oidc.jwksCacheTtl(), oidc.unknownKidRefetchInterval(), oidc.jwksGracePeriod(),
                oidc.fetchTimeout(), oidc.maxDocumentBytes());
        var jwks = new HttpJwksSource(policy, cache, clock);
        var trusted = new TrustedIssuers(issuers(directory, jwks, clock));
        directory.onChange(snapshot -> trusted.replace(issuers(snapshot, jwks, clock)));
        return trusted;
    }

    private static OidcIssuers issuers(Directory directory, HttpJwksSource jwks, Clock clock) {
        return new OidcIssuers(directory.oidcProviders().stream().map(OidcIssuerSource::settings).toList(), jwks,
                clock);
    }

    static OidcProviderSettings settings(OidcProvider provider) {
        return new OidcProviderSettings(provider.arn(), provider.issuer(),
                new LinkedHashSet<>(provider.clientIds()), new LinkedHashSet<>(provider.allowedAlgorithms()),
                provider.clockSkew(), provider.maxTokenAge(), provider.staticJwks(), provider.allowInsecureHttp());
    }
}
