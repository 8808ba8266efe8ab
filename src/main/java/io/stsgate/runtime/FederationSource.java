package io.stsgate.runtime;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.directory.Directory;
import io.stsgate.engine.FederatedAssumption;
import io.stsgate.federation.SamlFederation;
import io.stsgate.federation.WebIdentityFederation;
import io.stsgate.federation.WebIdentityTokens;
import io.stsgate.federation.WorkloadIdentities;
import io.stsgate.identity.oidc.TrustedIssuers;
import io.stsgate.identity.saml.SamlAssertionValidator;

/**
 * The federation pipelines: the one web identity token path (AssumeRoleWithWebIdentity, the container credentials
 * endpoint, explain) and the one SAML assertion path (AssumeRoleWithSAML, the browser sign-in, explain).
 */
@Singleton
public class FederationSource {

    @Produces
    @Singleton
    WebIdentityTokens webIdentityTokens(TrustedIssuers issuers, Directory directory) {
        return new WebIdentityTokens(issuers, directory);
    }

    @Produces
    @Singleton
    WebIdentityFederation webIdentityFederation(WebIdentityTokens tokens, FederatedAssumption engine,
            Directory directory) {
        return new WebIdentityFederation(tokens, engine, directory);
    }

    @Produces
    @Singleton
    WorkloadIdentities workloadIdentities(WebIdentityTokens tokens, FederatedAssumption engine, Directory directory,
            Clock clock) {
        return new WorkloadIdentities(tokens, engine, directory, clock);
    }

    @Produces
    @Singleton
    SamlFederation samlFederation(SamlAssertionValidator validator, Directory directory, FederatedAssumption engine,
            Clock clock) {
        return new SamlFederation(validator, directory, engine, clock);
    }
}
