package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.directory.DirectoryFile;
import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.directory.UniqueIds;
import io.stsgate.testsupport.store.TestStores;
import io.stsgate.testsupport.store.TestStores.TestStore;

/**
 * Unique ids of roles and users through the declarative file: a file without ids gets random ones when first stored,
 * keeps them across restarts and re-applies, and an export carries them to another store.
 */
class DirectoryUniqueIdsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final String DEVELOPER = "arn:aws:iam::111111111111:role/developer";
    static final String ALICE = "arn:aws:iam::111111111111:user/alice";

    @TempDir
    Path folder;
    @TempDir
    Path otherFolder;
    TestStore store;
    DirectoryEntries entries;

    @BeforeEach
    void open() {
        store = TestStores.embedded(folder);
        entries = DirectoryEntriesTest.entries();
    }

    private JdbcDirectoryStore directoryStore(javax.sql.DataSource dataSource) {
        return new JdbcDirectoryStore(dataSource, store.dialect(), new StoreChanges(), CLOCK);
    }

    /** Applies {@code file} as start-up and the declarative PUT do; returns the plan. */
    private DirectoryPlan apply(JdbcDirectoryStore target, DirectoryFile file) {
        return target.write(tx -> {
            var plan = DirectoryPlan.between(tx.entries(), entries.split(file), entries.secrets());
            plan.applyTo(tx);
            return plan;
        });
    }

    private DirectorySnapshot snapshot(JdbcDirectoryStore from) {
        return new StoredDirectory(from, entries, new StoreChanges()).snapshot();
    }

    private static DirectoryFile parse(String yaml) {
        return DirectoryFileLoader.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileWithoutIdsGetsRandomOnesThatSurviveRestartsAndReapplies() throws Exception {
        var first = directoryStore(store.dataSource());
        apply(first, DirectoryEntriesTest.demo());
        var before = snapshot(first);
        String roleId = before.role(DEVELOPER).orElseThrow().roleId();
        String userId = before.user(ALICE).orElseThrow().userId();
        assertThat(UniqueIds.isRoleId(roleId)).isTrue();
        assertThat(roleId).isNotEqualTo(UniqueIds.legacyRoleId(DEVELOPER));
        assertThat(UniqueIds.isUserId(userId)).isTrue();
        assertThat(userId).isNotEqualTo(UniqueIds.legacyUserId(ALICE));

        var restarted = directoryStore(store.replica().get());
        assertThat(apply(restarted, DirectoryEntriesTest.demo()).isEmpty()).isTrue();

        var after = snapshot(restarted);
        assertThat(after.role(DEVELOPER).orElseThrow().roleId()).isEqualTo(roleId);
        assertThat(after.user(ALICE).orElseThrow().userId()).isEqualTo(userId);
    }

    @Test
    void anExportCarriesTheIdsToAnotherStoreAndChangesNothingWhenAppliedBack() {
        var source = directoryStore(store.dataSource());
        apply(source, parseDemo());
        String roleId = snapshot(source).role(DEVELOPER).orElseThrow().roleId();
        String exported = DirectoryFileLoader.write(entries.assemble(source.read().entries()));
        assertThat(exported).contains("roleId: " + roleId);

        assertThat(apply(source, parse(exported)).isEmpty()).isTrue();
        var other = directoryStore(TestStores.embedded(otherFolder).dataSource());
        apply(other, parse(exported));

        assertThat(snapshot(other).role(DEVELOPER).orElseThrow().roleId()).isEqualTo(roleId);
        assertThat(snapshot(other).user(ALICE).orElseThrow().userId())
                .isEqualTo(snapshot(source).user(ALICE).orElseThrow().userId());
    }

    @Test
    void aFileNamingAnotherIdForAStoredRoleIsRefusedAndChangesNothing() {
        var target = directoryStore(store.dataSource());
        apply(target, parseDemo());
        String roleId = snapshot(target).role(DEVELOPER).orElseThrow().roleId();
        String exported = DirectoryFileLoader.write(entries.assemble(target.read().entries()));
        String changed = exported.replace("roleId: " + roleId, "roleId: " + UniqueIds.newRoleId());
        long revision = target.revision();

        assertThatThrownBy(() -> apply(target, parse(changed))).isInstanceOf(DirectoryFileException.class)
                .hasMessageContaining(DEVELOPER).hasMessageContaining("roleId: is " + roleId + " and cannot change");
        assertThat(target.revision()).isEqualTo(revision);
    }

    @Test
    void aRoleRemovedFromTheFileAndAddedBackIsANewPrincipal() {
        var target = directoryStore(store.dataSource());
        apply(target, parseDemo());
        String roleId = snapshot(target).role(DEVELOPER).orElseThrow().roleId();
        String withoutDeveloper = DirectoryFileLoader.write(withoutRole(parseDemo(), "developer"));

        apply(target, parse(withoutDeveloper));
        assertThat(snapshot(target).role(DEVELOPER)).isEmpty();
        apply(target, parseDemo());

        assertThat(snapshot(target).role(DEVELOPER).orElseThrow().roleId()).isNotEqualTo(roleId);
    }

    @Test
    void aRoleStoredBeforeIdsWereKeptKeepsItsDerivedIdInSnapshotsExportsAndReapplies() throws Exception {
        var target = directoryStore(store.dataSource());
        apply(target, parseDemo());
        // As an earlier version stored it: the same body without roleId.
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update directory_entry set body = ?, updated_at = ? where kind = 'role' and entry_key = ?")) {
            var stored = target.read().entries().stream().filter(e -> e.key().equals(DEVELOPER)).findFirst()
                    .orElseThrow().body();
            stored.remove("roleId");
            update.setString(1, stored.toString());
            update.setTimestamp(2, Timestamp.from(CLOCK.instant()));
            update.setString(3, DEVELOPER);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        String legacy = UniqueIds.legacyRoleId(DEVELOPER);
        assertThat(snapshot(target).role(DEVELOPER).orElseThrow().roleId()).isEqualTo(legacy);
        String exported = DirectoryFileLoader.write(entries.assemble(target.read().entries()));
        assertThat(exported).contains("roleId: " + legacy);
        assertThat(apply(target, parse(exported)).isEmpty()).isTrue();
        assertThat(apply(target, parseDemo()).isEmpty()).isTrue();
    }

    @Test
    void anInvalidIdInTheFileIsRefusedNamingTheField() {
        String exported = DirectoryFileLoader.write(parseDemo());
        String bad = exported.replace("  - name: developer\n", "  - name: developer\n    roleId: AROA-not-an-id\n");
        assertThat(bad).isNotEqualTo(exported);

        assertThatThrownBy(() -> DirectoryFileLoader.validate("test.yaml", parse(bad)))
                .isInstanceOf(DirectoryFileException.class).hasMessageContaining("roleId: must be AROA");
    }

    private static DirectoryFile parseDemo() {
        try {
            return DirectoryEntriesTest.demo();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DirectoryFile withoutRole(DirectoryFile file, String roleName) {
        return new DirectoryFile(file.accounts().stream()
                .map(a -> new DirectoryFile.AccountEntry(a.id(), a.name(), a.users(),
                        a.roles() == null ? null : a.roles().stream().filter(r -> !r.name().equals(roleName)).toList(),
                        a.managedPolicies(), a.oidcProviders(), a.samlProviders(), a.workloadAssociations()))
                .toList(), file.apis(), file.buckets());
    }
}
