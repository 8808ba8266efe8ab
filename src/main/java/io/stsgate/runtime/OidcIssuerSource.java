package io.stsgate.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.Directory;
import io.stsgate.directory.OidcProvider;
import io.stsgate.identity.oidc.HttpJwksSource;
import io.stsgate.identity.oidc.JwksCache;
import io.stsgate.identity.oidc.JwksPolicy;
import io.stsgate.identity.oidc.OidcIssuers;
import io.stsgate.identity.oidc.OidcProviderSettings;

/** Builds the issuer registry (one verifier per trusted issuer) from the directory's OIDC providers. */
@Singleton
public class OidcIssuerSource {

    @Produces
    @Singleton
    OidcIssuers oidcIssuers(Directory directory, JwksCache cache, StsgateConfig config, Clock clock) {
        var oidc = config.oidc();
        var policy = new JwksPolicy(oidc.jwksCacheTtl(), oidc.unknownKidRefetchInterval(), oidc.jwksGracePeriod(),
                oidc.fetchTimeout(), oidc.maxDocumentBytes());
        var providers = directory.oidcProviders().stream().map(OidcIssuerSource::settings).toList();
        return new OidcIssuers(providers, new HttpJwksSource(policy, cache, clock), clock);
    }

    static OidcProviderSettings settings(OidcProvider provider) {
        return new OidcProviderSettings(provider.arn(), provider.issuer(),
                new LinkedHashSet<>(provider.clientIds()), new LinkedHashSet<>(provider.allowedAlgorithms()),
                provider.clockSkew(), provider.maxTokenAge(), provider.staticJwks(), provider.allowInsecureHttp());
    }
}
