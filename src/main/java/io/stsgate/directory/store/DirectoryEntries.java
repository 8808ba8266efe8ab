package io.stsgate.directory.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stsgate.directory.Arns;
import io.stsgate.directory.DirectoryFile;
import io.stsgate.directory.DirectoryFile.AccessKeyEntry;
import io.stsgate.directory.DirectoryFile.AccountEntry;
import io.stsgate.directory.DirectoryFile.ApiEntry;
import io.stsgate.directory.DirectoryFile.BucketEntry;
import io.stsgate.directory.DirectoryFile.ManagedPolicyEntry;
import io.stsgate.directory.DirectoryFile.MfaDeviceEntry;
import io.stsgate.directory.DirectoryFile.OidcProviderEntry;
import io.stsgate.directory.DirectoryFile.RoleEntry;
import io.stsgate.directory.DirectoryFile.SamlProviderEntry;
import io.stsgate.directory.DirectoryFile.UserEntry;
import io.stsgate.directory.DirectoryFile.WorkloadAssociationEntry;
import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.IssuerUrls;

/**
 * Splits the declarative file into store entries and assembles it back. An entry's body is the file's entry without
 * its children (a user without its keys), plus the parent it hangs under ({@code user} for keys and MFA devices);
 * secrets are sealed on the way in and opened on the way out.
 */
public final class DirectoryEntries {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL,
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private final StoredSecrets secrets;

    public DirectoryEntries(StoredSecrets secrets) {
        this.secrets = secrets;
    }

    public StoredSecrets secrets() {
        return secrets;
    }

    /** An entry to store: identity, owning account and body. */
    public record NewEntry(EntryId id, String accountId, ObjectNode body) {
        @Override
        public String toString() {
            return "NewEntry[" + id + "]";
        }
    }

    /** The file's entries, in an order that lets a parent be created before its children. */
    public List<NewEntry> split(DirectoryFile file) {
        var entries = new ArrayList<NewEntry>();
        for (AccountEntry account : list(file.accounts())) {
            String id = Objects.requireNonNullElse(account.id(), "");
            entries.add(new NewEntry(new EntryId(EntryKind.ACCOUNT, id), id,
                    tree(new AccountEntry(id, account.name(), null, null, null, null, null, null))));
            for (ManagedPolicyEntry policy : list(account.managedPolicies())) {
                entries.add(new NewEntry(managedPolicyId(id, policy), id, tree(policy)));
            }
            for (UserEntry user : list(account.users())) {
                entries.add(new NewEntry(userId(id, user), id, tree(new UserEntry(user.name(), user.path(),
                        user.userId(), user.tags(), null, null, user.policies()))));
                for (AccessKeyEntry key : list(user.accessKeys())) {
                    entries.add(accessKey(id, user.name(), key));
                }
                for (MfaDeviceEntry device : list(user.mfaDevices())) {
                    entries.add(mfaDevice(id, user.name(), device));
                }
            }
            for (RoleEntry role : list(account.roles())) {
                entries.add(new NewEntry(roleId(id, role), id, tree(role)));
            }
            for (OidcProviderEntry provider : list(account.oidcProviders())) {
                entries.add(new NewEntry(oidcProviderId(id, provider), id, tree(provider)));
            }
            for (SamlProviderEntry provider : list(account.samlProviders())) {
                entries.add(new NewEntry(samlProviderId(id, provider), id, tree(provider)));
            }
            for (WorkloadAssociationEntry association : list(account.workloadAssociations())) {
                entries.add(new NewEntry(workloadAssociationId(id, association), id, tree(association)));
            }
        }
        for (ApiEntry api : list(file.apis())) {
            entries.add(new NewEntry(new EntryId(EntryKind.API, nameOf(api.name())), "", tree(api)));
        }
        for (BucketEntry bucket : list(file.buckets())) {
            entries.add(new NewEntry(new EntryId(EntryKind.BUCKET, nameOf(bucket.name())), "", tree(bucket)));
        }
        return entries;
    }

    /** The access key as an entry under user {@code userName}, its secret sealed. */
    public NewEntry accessKey(String accountId, String userName, AccessKeyEntry key) {
        var id = new EntryId(EntryKind.ACCESS_KEY, Objects.requireNonNullElse(key.id(), ""));
        ObjectNode body = tree(new AccessKeyEntry(key.id(), null, key.status()));
        body.put("user", userName);
        if (key.secret() != null) {
            body.put("secret", secrets.seal(key.secret(), id));
        }
        return new NewEntry(id, accountId, body);
    }

    /** The MFA device as an entry under user {@code userName}, its seed sealed. */
    public NewEntry mfaDevice(String accountId, String userName, MfaDeviceEntry device) {
        var id = new EntryId(EntryKind.MFA_DEVICE, Arns.mfa(accountId, Objects.requireNonNullElse(device.name(), "")));
        ObjectNode body = tree(new MfaDeviceEntry(device.name(), null));
        body.put("user", userName);
        if (device.seed() != null) {
            body.put("seed", secrets.seal(device.seed(), id));
        }
        return new NewEntry(id, accountId, body);
    }

    /** Assembles the declarative file from stored entries, secrets opened; children without a parent are errors. */
    public DirectoryFile assemble(List<StoredEntry> entries) {
        var accounts = new LinkedHashMap<String, AccountParts>();
        entries.stream().filter(e -> e.kind() == EntryKind.ACCOUNT).sorted(Comparator.comparing(StoredEntry::key))
                .forEach(e -> accounts.put(e.key(), new AccountParts(read(e, AccountEntry.class))));
        for (StoredEntry entry : entries) {
            if (entry.kind().outsideAccounts()) {
                continue;
            }
            AccountParts parts = entry.kind() == EntryKind.ACCOUNT ? null : accounts.get(entry.accountId());
            if (entry.kind() != EntryKind.ACCOUNT && parts == null) {
                throw new DirectoryFileException(
                        "store: " + entry.id() + ": account " + entry.accountId() + " does not exist");
            }
            switch (entry.kind()) {
                case ACCOUNT -> {
                }
                case USER -> parts.users.put(read(entry, UserEntry.class).name(), new UserParts(read(withId(entry),
                        UserEntry.class)));
                case ROLE -> parts.roles.add(read(withId(entry), RoleEntry.class));
                case MANAGED_POLICY -> parts.managedPolicies.add(read(entry, ManagedPolicyEntry.class));
                case OIDC_PROVIDER -> parts.oidcProviders.add(read(entry, OidcProviderEntry.class));
                case SAML_PROVIDER -> parts.samlProviders.add(read(entry, SamlProviderEntry.class));
                case WORKLOAD_ASSOCIATION ->
                    parts.workloadAssociations.add(read(entry, WorkloadAssociationEntry.class));
                case ACCESS_KEY, MFA_DEVICE, API, BUCKET -> {
                    // Attached below, once every user is known; APIs and buckets are outside accounts.
                }
            }
        }
        for (StoredEntry entry : entries) {
            if (entry.kind() != EntryKind.ACCESS_KEY && entry.kind() != EntryKind.MFA_DEVICE) {
                continue;
            }
            ObjectNode body = entry.body();
            String userName = body.path("user").asText("");
            UserParts user = accounts.get(entry.accountId()).users.get(userName);
            if (user == null) {
                throw new DirectoryFileException("store: " + entry.id() + ": user " + userName + " of account "
                        + entry.accountId() + " does not exist");
            }
            body.remove("user");
            if (entry.kind() == EntryKind.ACCESS_KEY) {
                String sealed = body.path("secret").asText(null);
                body.remove("secret");
                AccessKeyEntry key = read(entry.id(), body, AccessKeyEntry.class);
                user.accessKeys.add(new AccessKeyEntry(key.id(), sealed == null ? null
                        : secrets.unseal(sealed,
                                entry.id()),
                        key.status()));
            } else {
                String sealed = body.path("seed").asText(null);
                body.remove("seed");
                MfaDeviceEntry device = read(entry.id(), body, MfaDeviceEntry.class);
                user.mfaDevices.add(new MfaDeviceEntry(device.name(), sealed == null ? null
                        : secrets.unseal(sealed,
                                entry.id())));
            }
        }
        return new DirectoryFile(accounts.values().stream().map(AccountParts::toEntry).toList(),
                all(entries, EntryKind.API, ApiEntry.class), all(entries, EntryKind.BUCKET, BucketEntry.class));
    }

    public static EntryId userId(String accountId, UserEntry user) {
        return new EntryId(EntryKind.USER, Arns.user(accountId, pathOf(user.path()), nameOf(user.name())));
    }

    public static EntryId roleId(String accountId, RoleEntry role) {
        return new EntryId(EntryKind.ROLE, Arns.role(accountId, pathOf(role.path()), nameOf(role.name())));
    }

    public static EntryId managedPolicyId(String accountId, ManagedPolicyEntry policy) {
        return new EntryId(EntryKind.MANAGED_POLICY,
                Arns.policy(accountId, pathOf(policy.path()), nameOf(policy.name())));
    }

    public static EntryId oidcProviderId(String accountId, OidcProviderEntry provider) {
        String url = Objects.requireNonNullElse(provider.url(), "");
        return new EntryId(EntryKind.OIDC_PROVIDER,
                "arn:aws:iam::" + accountId + ":oidc-provider/" + IssuerUrls.hostAndPathOrRaw(url));
    }

    public static EntryId samlProviderId(String accountId, SamlProviderEntry provider) {
        return new EntryId(EntryKind.SAML_PROVIDER,
                "arn:aws:iam::" + accountId + ":saml-provider/" + nameOf(provider.name()));
    }

    public static EntryId workloadAssociationId(String accountId, WorkloadAssociationEntry association) {
        return new EntryId(EntryKind.WORKLOAD_ASSOCIATION,
                io.stsgate.directory.WorkloadAssociation.key(accountId, nameOf(association.name())));
    }

    private static String pathOf(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String nameOf(String name) {
        return Objects.requireNonNullElse(name, "");
    }

    static ObjectNode tree(Object entry) {
        return JSON.valueToTree(entry);
    }

    /** The entry with its unique id in the body, derived for one stored before ids were kept, so exports show it. */
    private static StoredEntry withId(StoredEntry entry) {
        ObjectNode body = entry.body();
        body.put(EntryUniqueIds.field(entry.kind()), EntryUniqueIds.idOf(entry));
        return new StoredEntry(entry.kind(), entry.key(), entry.accountId(), body, entry.version(), entry.createdAt(),
                entry.updatedAt());
    }

    /** The entries of a kind outside accounts, by key. */
    private static <T> List<T> all(List<StoredEntry> entries, EntryKind kind, Class<T> type) {
        return entries.stream().filter(e -> e.kind() == kind).sorted(Comparator.comparing(StoredEntry::key))
                .map(e -> read(e, type)).toList();
    }

    private static <T> T read(StoredEntry entry, Class<T> type) {
        return read(entry.id(), entry.body(), type);
    }

    private static <T> T read(EntryId id, ObjectNode body, Class<T> type) {
        try {
            return JSON.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new DirectoryFileException("store: " + id + ": " + e.getOriginalMessage(), e);
        }
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static final class AccountParts {
        private final AccountEntry account;
        private final Map<String, UserParts> users = new LinkedHashMap<>();
        private final List<RoleEntry> roles = new ArrayList<>();
        private final List<ManagedPolicyEntry> managedPolicies = new ArrayList<>();
        private final List<OidcProviderEntry> oidcProviders = new ArrayList<>();
        private final List<SamlProviderEntry> samlProviders = new ArrayList<>();
        private final List<WorkloadAssociationEntry> workloadAssociations = new ArrayList<>();

        AccountParts(AccountEntry account) {
            this.account = account;
        }

        AccountEntry toEntry() {
            return new AccountEntry(account.id(), account.name(),
                    users.values().stream().map(UserParts::toEntry).toList(), roles, managedPolicies, oidcProviders,
                    samlProviders, workloadAssociations);
        }
    }

    private static final class UserParts {
        private final UserEntry user;
        private final List<AccessKeyEntry> accessKeys = new ArrayList<>();
        private final List<MfaDeviceEntry> mfaDevices = new ArrayList<>();

        UserParts(UserEntry user) {
            this.user = user;
        }

        UserEntry toEntry() {
            return new UserEntry(user.name(), user.path(), user.userId(), user.tags(), accessKeys, mfaDevices,
                    user.policies());
        }
    }
}
