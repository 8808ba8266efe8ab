package io.stsgate.directory.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.stsgate.directory.AccessKey;
import io.stsgate.directory.Account;
import io.stsgate.directory.Bucket;
import io.stsgate.directory.Directory;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.directory.HttpApi;
import io.stsgate.directory.ManagedPolicy;
import io.stsgate.directory.MfaDevice;
import io.stsgate.directory.OidcProvider;
import io.stsgate.directory.Role;
import io.stsgate.directory.SamlProvider;
import io.stsgate.directory.User;
import io.stsgate.directory.WorkloadAssociation;

/**
 * This replica's view of the stored directory: an immutable snapshot in memory, replaced whenever the store reports a
 * new revision. Requests read the snapshot only, so no request waits on the database.
 */
public final class StoredDirectory implements Directory {

    private static final Logger LOG = Logger.getLogger(StoredDirectory.class);

    private final DirectoryStore store;
    private final DirectoryEntries entries;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final List<Consumer<DirectorySnapshot>> listeners = new CopyOnWriteArrayList<>();

    private record Loaded(long revision, DirectorySnapshot snapshot) {
    }

    public StoredDirectory(DirectoryStore store, DirectoryEntries entries, StoreChanges changes) {
        this.store = store;
        this.entries = entries;
        reload();
        changes.seen(JdbcDirectoryStore.TOPIC, revision());
        changes.subscribe(JdbcDirectoryStore.TOPIC, revision -> reload());
    }

    /** Reads the store and swaps the snapshot; a directory that no longer validates keeps the previous one. */
    public synchronized void reload() {
        DirectoryContents contents = store.read();
        Loaded loaded = current.get();
        if (loaded != null && loaded.revision() >= contents.revision()) {
            return;
        }
        DirectorySnapshot snapshot = DirectoryFileLoader.validate("store", entries.assemble(contents.entries()));
        current.set(new Loaded(contents.revision(), snapshot));
        if (loaded != null) {
            LOG.infof("Directory reloaded at revision %d", contents.revision());
        }
        listeners.forEach(listener -> listener.accept(snapshot));
    }

    /** Calls {@code listener} with every new snapshot (OIDC issuers, SAML providers rebuild from it). */
    public void onChange(Consumer<DirectorySnapshot> listener) {
        listeners.add(listener);
    }

    public long revision() {
        return current.get().revision();
    }

    public DirectorySnapshot snapshot() {
        return current.get().snapshot();
    }

    @Override
    public Optional<Account> account(String accountId) {
        return snapshot().account(accountId);
    }

    @Override
    public Optional<User> user(String userArn) {
        return snapshot().user(userArn);
    }

    @Override
    public Optional<AccessKey> accessKey(String accessKeyId) {
        return snapshot().accessKey(accessKeyId);
    }

    @Override
    public Optional<MfaDevice> mfaDevice(String serialNumber) {
        return snapshot().mfaDevice(serialNumber);
    }

    @Override
    public Optional<Role> role(String roleArn) {
        return snapshot().role(roleArn);
    }

    @Override
    public Optional<ManagedPolicy> managedPolicy(String policyArn) {
        return snapshot().managedPolicy(policyArn);
    }

    @Override
    public List<Account> accounts() {
        return snapshot().accounts();
    }

    @Override
    public Optional<OidcProvider> oidcProviderByIssuer(String issuer) {
        return snapshot().oidcProviderByIssuer(issuer);
    }

    @Override
    public List<OidcProvider> oidcProviders() {
        return snapshot().oidcProviders();
    }

    @Override
    public Optional<SamlProvider> samlProvider(String providerArn) {
        return snapshot().samlProvider(providerArn);
    }

    @Override
    public List<SamlProvider> samlProviders() {
        return snapshot().samlProviders();
    }

    @Override
    public Optional<WorkloadAssociation> workloadAssociation(String issuer, String subject) {
        return snapshot().workloadAssociation(issuer, subject);
    }

    @Override
    public Optional<HttpApi> httpApi(String name) {
        return snapshot().httpApi(name);
    }

    @Override
    public Optional<Bucket> bucket(String name) {
        return snapshot().bucket(name);
    }
}
