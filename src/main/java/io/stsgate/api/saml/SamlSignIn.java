package io.stsgate.api.saml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.config.StsgateConfig;
import io.stsgate.directory.Account;
import io.stsgate.directory.Directory;
import io.stsgate.directory.Role;
import io.stsgate.directory.SamlProvider;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.IssuedSession;
import io.stsgate.engine.RequestInfo;
import io.stsgate.engine.StsException;
import io.stsgate.federation.SamlFederation;
import io.stsgate.federation.SamlPrincipals;
import io.stsgate.identity.saml.SamlAssertionValidator;
import io.stsgate.identity.saml.SamlFailure;
import io.stsgate.identity.saml.SamlProviderSettings;
import io.stsgate.identity.saml.SamlValidation;
import io.stsgate.identity.saml.VerifiedAssertion;

/**
 * The browser sign-in in two steps: {@link #signIn} validates the posted Response once, with AssumeRoleWithSAML's
 * validator and replay cache, and keeps it as a {@link PendingSignIn}; {@link #issue} turns the chosen role into
 * credentials through {@link SamlFederation#assumeChosenRole}, the pipeline of AssumeRoleWithSAML.
 *
 * <p>
 * A browser post names no provider (AssumeRoleWithSAML has PrincipalArn), so each registered provider is tried with
 * its own keys only, as if the post had named it; failures that do not depend on the provider (bad XML, unsigned,
 * expired, …) end the search at once, so junk costs one parse. Only pairs whose provider is equivalent to the one that
 * verified the assertion are offered: same entity id, and trusting every certificate that one trusts, so validation
 * under that provider would have succeeded too.
 */
@ApplicationScoped
public class SamlSignIn {

    /** Refusals that another provider's keys could turn into an acceptance. */
    private static final Set<SamlFailure> PROVIDER_DEPENDENT = Set.of(SamlFailure.BAD_SIGNATURE,
            SamlFailure.WRONG_ISSUER);

    @Inject
    SamlAssertionValidator validator;
    @Inject
    Directory directory;
    @Inject
    SamlFederation saml;
    @Inject
    PendingSignIns pending;
    @Inject
    SignInRequests requests;
    @Inject
    StsgateConfig config;

    /**
     * @param relayState the RelayState posted with the Response: checked when the Response answers an AuthnRequest of
     *        stsgate, ignored for an unsolicited (IdP-initiated) one
     */
    PendingSignIn signIn(String samlResponse, String relayState, AuditDraft audit) {
        if (samlResponse == null || samlResponse.isBlank()) {
            throw BridgeRefusal.missingResponse();
        }
        SamlValidation.Invalid refused = null;
        for (SamlProvider provider : candidates()) {
            var validation = validator.validate(samlResponse, settings(provider));
            if (validation instanceof SamlValidation.Valid valid) {
                return accepted(valid.assertion(), provider, relayState, audit);
            }
            refused = (SamlValidation.Invalid) validation;
            if (!PROVIDER_DEPENDENT.contains(refused.failure())) {
                break;
            }
        }
        throw refused == null ? BridgeRefusal.noProvider() : BridgeRefusal.badAssertion(refused);
    }

    private PendingSignIn accepted(VerifiedAssertion assertion, SamlProvider provider, String relayState,
            AuditDraft audit) {
        audit.principal(provider.arn()).subject(assertion.nameId()).issuer(assertion.issuer());
        if (assertion.inResponseTo() != null) {
            SignInRequest request = requests.answered(assertion.inResponseTo(), relayState);
            if (directory.samlProvider(request.providerArn()).filter(p -> equivalent(provider, p)).isEmpty()) {
                throw BridgeRefusal.requestUnmatched("the AuthnRequest went to " + request.providerArn()
                        + ", the Response was verified by " + provider.arn());
            }
        }
        saml.checkSessionAttributes(assertion, provider, audit);
        var offered = offered(assertion, provider);
        if (offered.isEmpty()) {
            throw BridgeRefusal.noRoles();
        }
        return pending.open(assertion, provider.arn(), offered);
    }

    IssuedSession issue(PendingSignIn signIn, String choice, RequestInfo info, AuditDraft audit) {
        var assertion = signIn.assertion();
        audit.principal(signIn.providerArn()).subject(assertion.nameId()).issuer(assertion.issuer());
        RoleChoice chosen = signIn.offered().stream().filter(c -> c.value().equals(choice)).findFirst()
                .orElseThrow(BridgeRefusal::roleNotOffered);
        audit.role(chosen.roleArn()).principal(chosen.providerArn());
        // The directory may have changed since the picker was shown: the pair must still be offerable.
        var verifiedBy = directory.samlProvider(signIn.providerArn());
        var provider = directory.samlProvider(chosen.providerArn())
                .filter(p -> verifiedBy.isPresent() && equivalent(verifiedBy.get(), p));
        if (provider.isEmpty() || !SamlPrincipals.grants(assertion, chosen.roleArn(), chosen.providerArn())) {
            throw new StsException(ErrorCode.ACCESS_DENIED, ReasonCode.SAML_ROLE_NOT_ASSERTED,
                    "Not authorized to perform sts:AssumeRoleWithSAML",
                    "provider " + chosen.providerArn() + " no longer matches the one that verified the assertion");
        }
        return saml.assumeChosenRole(assertion, provider.get(), chosen.roleArn(), info, audit);
    }

    /**
     * Who the picker greets: the configured display attribute, else RoleSessionName (what the session will be called),
     * else the NameID, which some IdPs make opaque (Keycloak's {@code G-05853091-…}).
     */
    String signedInAs(VerifiedAssertion assertion) {
        var attributes = assertion.attributes();
        return config.saml().displayNameAttribute().map(attributes::get)
                .or(() -> Optional.ofNullable(attributes.get(SamlPrincipals.ROLE_SESSION_NAME)))
                .filter(values -> !values.isEmpty() && !values.get(0).isBlank()).map(values -> values.get(0))
                .orElse(assertion.nameId());
    }

    /** The offered roles grouped by account, accounts by friendly name, roles by name. */
    List<AccountRoles> byAccount(List<RoleChoice> offered) {
        Map<String, List<RoleChoice>> groups = new LinkedHashMap<>();
        offered.stream().sorted(Comparator.comparing(RoleChoice::roleName).thenComparing(RoleChoice::roleArn))
                .forEach(c -> groups.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c));
        List<AccountRoles> accounts = new ArrayList<>();
        groups.forEach((id, roles) -> accounts.add(new AccountRoles(id,
                directory.account(id).map(Account::name).filter(n -> !n.isBlank()).orElse(id), roles)));
        accounts.sort(Comparator.comparing(AccountRoles::accountName).thenComparing(AccountRoles::accountId));
        return accounts;
    }

    private List<RoleChoice> offered(VerifiedAssertion assertion, SamlProvider verifiedBy) {
        var choices = new LinkedHashSet<RoleChoice>();
        for (String value : assertion.attribute(SamlPrincipals.ROLE)) {
            pair(value).flatMap(p -> choice(p.roleArn(), p.providerArn(), verifiedBy)).ifPresent(choices::add);
        }
        return List.copyOf(choices);
    }

    private Optional<RoleChoice> choice(String roleArn, String providerArn, SamlProvider verifiedBy) {
        Optional<SamlProvider> provider = directory.samlProvider(providerArn)
                .filter(p -> equivalent(verifiedBy, p));
        Optional<Role> role = directory.role(roleArn);
        if (provider.isEmpty() || role.isEmpty() || !role.get().accountId().equals(provider.get().accountId())) {
            return Optional.empty();
        }
        return Optional.of(new RoleChoice(role.get().arn(), provider.get().arn(), role.get().accountId(),
                role.get().name()));
    }

    /** A Role value is "role ARN,provider ARN" in either order, as AWS reads it. */
    private static Optional<RolePair> pair(String value) {
        String[] parts = value.split(",");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String a = parts[0].trim();
        String b = parts[1].trim();
        if (a.contains(":role/") && b.contains(":saml-provider/")) {
            return Optional.of(new RolePair(a, b));
        }
        if (b.contains(":role/") && a.contains(":saml-provider/")) {
            return Optional.of(new RolePair(b, a));
        }
        return Optional.empty();
    }

    private record RolePair(String roleArn, String providerArn) {
    }

    /** Whether validating under {@code other} would have accepted what {@code verifiedBy} accepted. */
    private static boolean equivalent(SamlProvider verifiedBy, SamlProvider other) {
        return verifiedBy.arn().equals(other.arn()) || verifiedBy.entityId().equals(other.entityId())
                && new HashSet<>(other.signingCertificates()).containsAll(verifiedBy.signingCertificates());
    }

    /** Providers that can verify anything, one per distinct entity id and certificate set. */
    private List<SamlProvider> candidates() {
        var seen = new HashSet<List<Object>>();
        var result = new ArrayList<SamlProvider>();
        for (SamlProvider provider : directory.samlProviders()) {
            if (!provider.signingCertificates().isEmpty() && !provider.entityId().isBlank()
                    && seen.add(List.of(provider.entityId(), Set.copyOf(provider.signingCertificates())))) {
                result.add(provider);
            }
        }
        return result;
    }

    private static SamlProviderSettings settings(SamlProvider provider) {
        return new SamlProviderSettings(provider.arn(), provider.entityId(), provider.signingCertificates());
    }
}
