package io.stsgate.runtime;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.stsgate.directory.Directory;
import io.stsgate.federation.WebIdentityTokens;
import io.stsgate.federation.WorkloadIdentities;
import io.stsgate.identity.oidc.TrustedIssuers;

/** The one web identity token path, shared by AssumeRoleWithWebIdentity and the container credentials endpoint. */
@Singleton
public class WebIdentityTokensSource {

    @Produces
    @Singleton
    WebIdentityTokens webIdentityTokens(TrustedIssuers issuers, Directory directory) {
        return new WebIdentityTokens(issuers, directory);
    }

    @Produces
    @Singleton
    WorkloadIdentities workloadIdentities(WebIdentityTokens tokens, Directory directory, Clock clock) {
        return new WorkloadIdentities(tokens, directory, clock);
    }
}
