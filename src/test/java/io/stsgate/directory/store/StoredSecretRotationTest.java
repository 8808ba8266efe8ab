package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.testsupport.store.TestStores;

/** After a keyring rotation the stored secrets move to the new primary key, so the old key can leave the keyring. */
class StoredSecretRotationTest {

    private static final KeyringKey OLD = key("old", 1);
    private static final KeyringKey NEW = key("new", 2);

    @TempDir
    Path folder;

    private JdbcDirectoryStore store;

    private static KeyringKey key(String id, int fill) {
        byte[] material = new byte[KeyringKey.MATERIAL_LENGTH];
        Arrays.fill(material, (byte) fill);
        return new KeyringKey(id, material);
    }

    private static DirectoryEntries entries(Keyring keyring) {
        return new DirectoryEntries(new StoredSecrets(new TokenSealer(keyring, KeyPurpose.STORED_SECRET)));
    }

    @BeforeEach
    void seedWithTheOldKey() throws Exception {
        var test = TestStores.embedded(folder);
        store = new JdbcDirectoryStore(test.dataSource(), test.dialect(), new StoreChanges(), Clock.systemUTC());
        var split = entries(Keyring.of(OLD)).split(DirectoryEntriesTest.demo());
        store.write(tx -> {
            split.forEach(e -> tx.insert(e.id(), e.accountId(), e.body()));
            return null;
        });
    }

    private int sealedSecrets() {
        return (int) store.read().entries().stream()
                .filter(e -> e.kind() == EntryKind.ACCESS_KEY || e.kind() == EntryKind.MFA_DEVICE).count();
    }

    @Test
    void whenANewKeyBecamePrimaryThenEverySecretIsResealedAndOpensWithoutTheOldKey() throws Exception {
        var rotation = new StoredSecretRotation(entries(new Keyring(List.of(OLD, NEW))).secrets());

        int resealed = rotation.reseal(store);

        assertThat(resealed).isEqualTo(sealedSecrets()).isPositive();
        var reopened = entries(Keyring.of(NEW)).assemble(store.read().entries());
        var original = DirectoryFileLoader.validate("demo", DirectoryEntriesTest.demo());
        var rebuilt = DirectoryFileLoader.validate("store", reopened);
        assertThat(rebuilt.accessKeys()).containsExactlyInAnyOrderElementsOf(original.accessKeys());
        assertThat(rebuilt.mfaDevices()).containsExactlyInAnyOrderElementsOf(original.mfaDevices());
    }

    @Test
    void whenEverySecretIsSealedWithThePrimaryThenNothingIsWritten() {
        var rotation = new StoredSecretRotation(entries(new Keyring(List.of(OLD, NEW))).secrets());
        rotation.reseal(store);
        long revision = store.revision();

        assertThat(rotation.reseal(store)).isZero();
        assertThat(store.revision()).isEqualTo(revision);
    }

    @Test
    void whenTheNewKeyIsOnlyInStandbyThenNothingIsResealed() {
        var rotation = new StoredSecretRotation(entries(new Keyring(List.of(OLD, NEW), "old")).secrets());
        long revision = store.revision();

        assertThat(rotation.reseal(store)).isZero();
        assertThat(store.revision()).isEqualTo(revision);
    }
}
