package io.stsgate.api.saml;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.Account;
import io.stsgate.directory.Directory;
import io.stsgate.directory.SamlProvider;
import io.stsgate.identity.saml.AuthnRequestRedirect;

/**
 * The first step of an SP-initiated sign-in ({@code GET /saml/sign-in}): pick the provider, then send the browser to
 * its SingleSignOnService with an AuthnRequest. Providers qualify when they have an SSO URL (from their metadata or
 * {@code ssoUrl}).
 */
@ApplicationScoped
public class SignInStart {

    @Inject
    Directory directory;
    @Inject
    SignInRequests requests;
    @Inject
    StsgateConfig config;
    @Inject
    Clock clock;

    /** Where to send the browser: the named provider, or the only one there is; empty when the user must choose. */
    Optional<URI> redirect(String providerArn) {
        SamlProvider provider;
        if (providerArn != null && !providerArn.isBlank()) {
            provider = directory.samlProvider(providerArn).filter(p -> p.ssoUrl() != null)
                    .orElseThrow(() -> BridgeRefusal.providerWithoutSignIn(
                            "no SAML provider with an SSO URL named " + providerArn));
        } else {
            List<SamlProvider> all = signInProviders();
            if (all.isEmpty()) {
                throw BridgeRefusal.providerWithoutSignIn("no SAML provider has an SSO URL");
            }
            if (all.size() > 1) {
                return Optional.empty();
            }
            provider = all.get(0);
        }
        SignInRequest request = requests.open(provider.arn());
        return Optional.of(AuthnRequestRedirect.of(URI.create(provider.ssoUrl()), request.id(),
                config.saml().entityId(), BridgeUrls.of(config.publicUrl()).acs(), clock.instant(),
                request.relayState()));
    }

    /** The providers a user may start from, by account name then provider name. */
    List<SignInChoice> choices() {
        return signInProviders().stream().map(p -> new SignInChoice(accountName(p.accountId()), p.name(),
                "sign-in?provider=" + URLEncoder.encode(p.arn(), StandardCharsets.UTF_8)))
                .sorted(Comparator.comparing(SignInChoice::accountName).thenComparing(SignInChoice::providerName))
                .toList();
    }

    private List<SamlProvider> signInProviders() {
        return directory.samlProviders().stream().filter(p -> p.ssoUrl() != null && !p.ssoUrl().isBlank()).toList();
    }

    private String accountName(String accountId) {
        return directory.account(accountId).map(Account::name).filter(n -> !n.isBlank()).orElse(accountId);
    }

    /** One line of the provider chooser; {@code href} is relative to {@code /saml/sign-in}. */
    record SignInChoice(String accountName, String providerName, String href) {
    }
}
