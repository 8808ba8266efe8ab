package io.stsgate.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An immutable, in-memory directory: the embedded store, built once from the declarative file. */
public final class DirectorySnapshot implements Directory {

    private final Map<String, Account> accounts;
    private final Map<String, User> users;
    private final Map<String, AccessKey> accessKeys;
    private final Map<String, MfaDevice> mfaDevices;
    private final Map<String, Role> roles;
    private final Map<String, ManagedPolicy> managedPolicies;
    private final Map<String, OidcProvider> oidcProviders;
    private final Map<String, SamlProvider> samlProviders;
    private final Map<IssuerSubject, WorkloadAssociation> workloadAssociations;
    private final Map<String, HttpApi> httpApis;
    private final Map<String, Bucket> buckets;

    private record IssuerSubject(String issuer, String subject) {
    }

    public DirectorySnapshot(Collection<Account> accounts, Collection<User> users, Collection<AccessKey> accessKeys,
            Collection<MfaDevice> mfaDevices, Collection<Role> roles, Collection<ManagedPolicy> managedPolicies,
            Collection<OidcProvider> oidcProviders, Collection<SamlProvider> samlProviders,
            Collection<WorkloadAssociation> workloadAssociations, Collection<HttpApi> httpApis,
            Collection<Bucket> buckets) {
        this.accounts = index(accounts, Account::id);
        this.users = index(users, User::arn);
        this.accessKeys = index(accessKeys, AccessKey::id);
        this.mfaDevices = index(mfaDevices, MfaDevice::serialNumber);
        this.roles = index(roles, Role::arn);
        this.managedPolicies = index(managedPolicies, ManagedPolicy::arn);
        this.oidcProviders = index(oidcProviders, OidcProvider::issuer);
        this.samlProviders = index(samlProviders, SamlProvider::arn);
        var associations = new LinkedHashMap<IssuerSubject, WorkloadAssociation>();
        workloadAssociations.forEach(a -> associations.put(new IssuerSubject(a.issuer(), a.subject()), a));
        this.workloadAssociations = Map.copyOf(associations);
        this.httpApis = index(httpApis, HttpApi::name);
        this.buckets = index(buckets, Bucket::name);
    }

    private static <T> Map<String, T> index(Collection<T> values, Function<T, String> key) {
        var map = new LinkedHashMap<String, T>();
        values.forEach(v -> map.put(key.apply(v), v));
        return Map.copyOf(map);
    }

    @Override
    public Optional<Account> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public Optional<User> user(String userArn) {
        return Optional.ofNullable(users.get(userArn));
    }

    @Override
    public Optional<AccessKey> accessKey(String accessKeyId) {
        return Optional.ofNullable(accessKeys.get(accessKeyId));
    }

    @Override
    public Optional<MfaDevice> mfaDevice(String serialNumber) {
        return Optional.ofNullable(mfaDevices.get(serialNumber));
    }

    @Override
    public Optional<Role> role(String roleArn) {
        return Optional.ofNullable(roles.get(roleArn));
    }

    @Override
    public Optional<ManagedPolicy> managedPolicy(String policyArn) {
        return Optional.ofNullable(managedPolicies.get(policyArn));
    }

    @Override
    public List<Account> accounts() {
        return accounts.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    @Override
    public Optional<OidcProvider> oidcProviderByIssuer(String issuer) {
        return Optional.ofNullable(oidcProviders.get(issuer));
    }

    @Override
    public List<OidcProvider> oidcProviders() {
        return List.copyOf(oidcProviders.values());
    }

    @Override
    public Optional<SamlProvider> samlProvider(String providerArn) {
        return Optional.ofNullable(samlProviders.get(providerArn));
    }

    @Override
    public List<SamlProvider> samlProviders() {
        return samlProviders.values().stream().sorted((a, b) -> a.arn().compareTo(b.arn())).toList();
    }

    @Override
    public Optional<WorkloadAssociation> workloadAssociation(String issuer, String subject) {
        return Optional.ofNullable(workloadAssociations.get(new IssuerSubject(issuer, subject)));
    }

    @Override
    public Optional<HttpApi> httpApi(String name) {
        return Optional.ofNullable(httpApis.get(name));
    }

    @Override
    public Optional<Bucket> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    /** Every access key and MFA seed, so start-up can refuse the published demo values in production. */
    public Collection<AccessKey> accessKeys() {
        return accessKeys.values();
    }

    public Collection<MfaDevice> mfaDevices() {
        return mfaDevices.values();
    }
}
