package io.stsgate.api.admin;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import io.stsgate.directory.store.DirectoryEntries;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.EntryKind;

/**
 * Turns an entry the API received into the entry the store keeps, through the same split the declarative file goes
 * through: an entry made by the API and the same entry applied from a file are identical, so exporting the store
 * and applying the export changes nothing.
 */
@ApplicationScoped
class FileEntries {

    @Inject
    DirectoryEntries entries;

    NewEntry account(AccountEntry account) {
        return only(EntryKind.ACCOUNT, account.id(), new AccountEntry(account.id(), account.name(), null, null, null,
                null, null, null));
    }

    NewEntry user(String accountId, UserEntry user) {
        return only(EntryKind.USER, accountId, inAccount(accountId, List.of(user), null, null, null, null));
    }

    NewEntry role(String accountId, RoleEntry role) {
        return only(EntryKind.ROLE, accountId, inAccount(accountId, null, List.of(role), null, null, null));
    }

    NewEntry managedPolicy(String accountId, ManagedPolicyEntry policy) {
        return only(EntryKind.MANAGED_POLICY, accountId, inAccount(accountId, null, null, List.of(policy), null, null));
    }

    NewEntry oidcProvider(String accountId, OidcProviderEntry provider) {
        return only(EntryKind.OIDC_PROVIDER, accountId,
                inAccount(accountId, null, null, null, List.of(provider), null));
    }

    NewEntry samlProvider(String accountId, SamlProviderEntry provider) {
        return only(EntryKind.SAML_PROVIDER, accountId,
                inAccount(accountId, null, null, null, null, List.of(provider)));
    }

    NewEntry workloadAssociation(String accountId, WorkloadAssociationEntry association) {
        return only(EntryKind.WORKLOAD_ASSOCIATION, accountId, new AccountEntry(accountId, null, null, null, null,
                null, null, List.of(association)));
    }

    /** An HTTP API of the nginx face; outside accounts. */
    NewEntry httpApi(ApiEntry api) {
        return only(EntryKind.API, new DirectoryFile(List.of(), List.of(api), null));
    }

    /** A bucket; outside accounts (its owner is a field). */
    NewEntry bucket(BucketEntry bucket) {
        return only(EntryKind.BUCKET, new DirectoryFile(List.of(), null, List.of(bucket)));
    }

    /** An access key of {@code userName}, its secret (when given) sealed. */
    NewEntry accessKey(String accountId, String userName, AccessKeyEntry key) {
        return entries.accessKey(accountId, userName, key);
    }

    /** An MFA device of {@code userName}, its seed sealed. */
    NewEntry mfaDevice(String accountId, String userName, MfaDeviceEntry device) {
        return entries.mfaDevice(accountId, userName, device);
    }

    private static AccountEntry inAccount(String accountId, List<UserEntry> users, List<RoleEntry> roles,
            List<ManagedPolicyEntry> policies, List<OidcProviderEntry> oidc, List<SamlProviderEntry> saml) {
        return new AccountEntry(accountId, null, users, roles, policies, oidc, saml, null);
    }

    private NewEntry only(EntryKind kind, String accountId, AccountEntry account) {
        return only(kind, new DirectoryFile(List.of(account)));
    }

    private NewEntry only(EntryKind kind, DirectoryFile file) {
        List<NewEntry> split = entries.split(file);
        NewEntry entry = split.stream().filter(e -> e.id().kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("split produced no " + kind.wireName()));
        return new NewEntry(entry.id(), entry.accountId(), withoutEmptyFields(entry.body()));
    }

    /**
     * Drops empty lists and maps ({@code "tags": {}}): they mean the same as an absent field, and the YAML export
     * leaves them out, so keeping them would make re-applying an export report a change.
     */
    private static ObjectNode withoutEmptyFields(ObjectNode body) {
        var empty = new ArrayList<String>();
        body.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value instanceof ObjectNode object && field.getKey().equals("policies")) {
                withoutEmptyFields(object);
            }
            if ((value.isArray() || value.isObject()) && value.isEmpty()) {
                empty.add(field.getKey());
            }
        });
        body.remove(empty);
        return body;
    }
}
