package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.stsgate.crypto.KeyPurpose;
import io.stsgate.crypto.Keyring;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.crypto.TokenSealer;
import io.stsgate.directory.DirectoryFile;
import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;

class DirectoryEntriesTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static DirectoryEntries entries() {
        byte[] material = new byte[KeyringKey.MATERIAL_LENGTH];
        Arrays.fill(material, (byte) 7);
        return new DirectoryEntries(new StoredSecrets(
                new TokenSealer(Keyring.of(new KeyringKey("test-1", material)), KeyPurpose.STORED_SECRET)));
    }

    static DirectoryFile demo() throws Exception {
        try (InputStream in = DirectoryEntriesTest.class.getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            return DirectoryFileLoader.parse("demo", in);
        }
    }

    static List<StoredEntry> stored(List<NewEntry> entries) {
        var stored = new ArrayList<StoredEntry>();
        entries.forEach(e -> stored.add(new StoredEntry(e.id().kind(), e.id().key(), e.accountId(), e.body(), 1, NOW,
                NOW)));
        return stored;
    }

    @Test
    void theDemoDirectorySurvivesASplitAndAnAssembly() throws Exception {
        var entries = entries();
        var original = DirectoryFileLoader.validate("demo", demo());

        var rebuilt = DirectoryFileLoader.validate("store", entries.assemble(stored(entries.split(demo()))));

        assertThat(rebuilt.accounts()).isEqualTo(original.accounts());
        assertThat(rebuilt.accessKeys()).containsExactlyInAnyOrderElementsOf(original.accessKeys());
        assertThat(rebuilt.mfaDevices()).containsExactlyInAnyOrderElementsOf(original.mfaDevices());
        assertThat(rebuilt.oidcProviders()).isEqualTo(original.oidcProviders());
        assertThat(rebuilt.role("arn:aws:iam::111111111111:role/developer")).isPresent();
    }

    @Test
    void apisAndBucketsSurviveTheStoreAndAnExportAndImport() throws Exception {
        var entries = entries();
        DirectoryFile demo = demo();
        var split = entries.split(demo);
        assertThat(split).filteredOn(e -> e.id().kind().outsideAccounts())
                .extracting(e -> e.id().kind().wireName() + " " + e.id().key(), NewEntry::accountId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api dev-files", ""),
                        org.assertj.core.groups.Tuple.tuple("bucket shared-reports", ""),
                        org.assertj.core.groups.Tuple.tuple("bucket private-reports", ""));

        String exported = DirectoryFileLoader.write(entries.assemble(stored(split)));
        DirectoryFile imported = DirectoryFileLoader.parse("export",
                new java.io.ByteArrayInputStream(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(imported.apis()).isEqualTo(demo.apis());
        assertThat(imported.buckets()).containsExactlyInAnyOrderElementsOf(demo.buckets());
        var directory = DirectoryFileLoader.validate("export", imported);
        assertThat(directory.httpApi("dev-files").orElseThrow().routes()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /files/{path+}", "DELETE /files/{path+}");
        assertThat(directory.bucket("shared-reports").orElseThrow().policies()).hasSize(1);
        assertThat(directory.bucket("private-reports").orElseThrow().account()).isEqualTo("111111111111");
    }

    @Test
    void secretsAreSealedAtRest() throws Exception {
        var split = entries().split(demo());

        var key = split.stream().filter(e -> e.id().key().equals("AKIAIOSFODNN7EXAMPLE")).findFirst().orElseThrow();
        assertThat(key.body().toString()).doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        var device = split.stream().filter(e -> e.id().kind() == EntryKind.MFA_DEVICE).findFirst().orElseThrow();
        assertThat(device.body().toString()).doesNotContain("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aSealedSecretMovedToAnotherEntryDoesNotOpen() throws Exception {
        var entries = entries();
        var split = entries.split(demo());
        var key = split.stream().filter(e -> e.id().key().equals("AKIAIOSFODNN7EXAMPLE")).findFirst().orElseThrow();

        assertThatThrownBy(() -> entries.secrets().unseal(key.body().get("secret").asText(),
                new EntryId(EntryKind.ACCESS_KEY, "AKIAI44QH8DHBEXAMPLE"))).isInstanceOf(StoreFailure.class);
    }

    @Test
    void anEntryWhoseAccountIsMissingIsAnError() throws Exception {
        var entries = entries();
        var stored = new ArrayList<>(stored(entries.split(demo())));
        stored.removeIf(e -> e.kind() == EntryKind.ACCOUNT && e.key().equals("111111111111"));

        assertThatThrownBy(() -> entries.assemble(stored)).isInstanceOf(DirectoryFileException.class)
                .hasMessageContaining("account 111111111111 does not exist");
    }

    @Test
    void reapplyingTheSameFileChangesNothing() throws Exception {
        var entries = entries();
        var current = stored(entries.split(demo()));

        assertThat(DirectoryPlan.between(current, entries.split(demo()), entries.secrets()).isEmpty()).isTrue();
    }

    @Test
    void aFileWithoutSecretsKeepsTheStoredOnes() throws Exception {
        var entries = entries();
        var current = stored(entries.split(demo()));
        var exported = DirectoryFileLoader.write(withoutSecrets(entries.assemble(current)));

        var plan = DirectoryPlan.between(current, entries.split(DirectoryFileLoader.parse("export",
                new java.io.ByteArrayInputStream(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                entries.secrets());

        assertThat(plan.describe()).isEqualTo("no changes\n");
    }

    @Test
    void aPlanCreatesUpdatesAndDeletesToMatchTheFile() throws Exception {
        var entries = entries();
        var current = new ArrayList<>(stored(entries.split(demo())));
        current.removeIf(e -> e.id().key().equals("arn:aws:iam::111111111111:role/developer"));
        var renamed = current.stream().filter(e -> e.id().equals(DirectoryStoreContract.ACCOUNT)).findFirst()
                .orElseThrow();
        current.set(current.indexOf(renamed), new StoredEntry(EntryKind.ACCOUNT, renamed.key(), renamed.accountId(),
                DirectoryStoreContract.body("Old name"), 1, NOW, NOW));
        current.add(new StoredEntry(EntryKind.ROLE, "arn:aws:iam::111111111111:role/gone", "111111111111",
                DirectoryStoreContract.body("gone"), 1, NOW, NOW));

        var plan = DirectoryPlan.between(current, entries.split(demo()), entries.secrets());

        assertThat(plan.describe()).isEqualTo("""
                ~ account 111111111111
                + role arn:aws:iam::111111111111:role/developer
                - role arn:aws:iam::111111111111:role/gone
                """);
    }

    private static DirectoryFile withoutSecrets(DirectoryFile file) {
        return new DirectoryFile(file.accounts().stream().map(a -> new DirectoryFile.AccountEntry(a.id(), a.name(),
                a.users().stream().map(u -> new DirectoryFile.UserEntry(u.name(), u.path(), u.userId(), u.tags(),
                        u.accessKeys().stream().map(k -> new DirectoryFile.AccessKeyEntry(k.id(), null, k.status()))
                                .toList(),
                        u.mfaDevices().stream().map(d -> new DirectoryFile.MfaDeviceEntry(d.name(), null)).toList(),
                        u.policies())).toList(),
                a.roles(), a.managedPolicies(), a.oidcProviders(), a.samlProviders(), a.workloadAssociations()))
                .toList(), file.apis(), file.buckets());
    }
}
