package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.testsupport.store.TestStores.TestStore;

/** What every store adapter must do; run against the embedded database and against PostgreSQL. */
abstract class DirectoryStoreContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final EntryId ACCOUNT = new EntryId(EntryKind.ACCOUNT, "111111111111");

    TestStore store;
    StoreChanges changes;
    JdbcDirectoryStore directory;

    abstract TestStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        changes = new StoreChanges();
        directory = new JdbcDirectoryStore(store.dataSource(), store.dialect(), changes, CLOCK);
    }

    static ObjectNode body(String name) {
        return JsonNodeFactory.instance.objectNode().put("id", "111111111111").put("name", name);
    }

    static final EntryId ROLE = new EntryId(EntryKind.ROLE, "arn:aws:iam::111111111111:role/ops");
    static final EntryId USER = new EntryId(EntryKind.USER, "arn:aws:iam::111111111111:user/ann");

    private String storedId(JdbcDirectoryStore from, EntryId id, String field) {
        return from.read().entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().body()
                .get(field).asText();
    }

    @Test
    void aRoleAndAUserGetARandomUniqueIdWhenFirstStoredWhichAnotherReplicaReadsToo() {
        directory.write(tx -> {
            tx.insert(ROLE, "111111111111", body("ops"));
            return tx.insert(USER, "111111111111", body("ann"));
        });

        String roleId = storedId(directory, ROLE, "roleId");
        String userId = storedId(directory, USER, "userId");
        assertThat(io.stsgate.directory.UniqueIds.isRoleId(roleId)).isTrue();
        assertThat(roleId).isNotEqualTo(io.stsgate.directory.UniqueIds.legacyRoleId(ROLE.key()));
        assertThat(io.stsgate.directory.UniqueIds.isUserId(userId)).isTrue();
        var restarted = new JdbcDirectoryStore(store.replica().get(), store.dialect(), new StoreChanges(), CLOCK);
        assertThat(storedId(restarted, ROLE, "roleId")).isEqualTo(roleId);
        assertThat(storedId(restarted, USER, "userId")).isEqualTo(userId);
    }

    @Test
    void anUpdateWithoutTheIdKeepsItAndOneNamingAnotherIsRefused() {
        directory.write(tx -> tx.insert(ROLE, "111111111111", body("ops")));
        String roleId = storedId(directory, ROLE, "roleId");

        directory.write(tx -> tx.update(ROLE, 1, body("ops")));
        assertThat(storedId(directory, ROLE, "roleId")).isEqualTo(roleId);
        directory.write(tx -> tx.update(ROLE, 2, body("ops").put("roleId", roleId)));

        assertThatThrownBy(() -> directory.write(tx -> tx.update(ROLE, 3,
                body("ops").put("roleId", io.stsgate.directory.UniqueIds.newRoleId()))))
                .isInstanceOf(io.stsgate.directory.DirectoryFileException.class)
                .hasMessageContaining("roleId: is " + roleId + " and cannot change");
        assertThat(storedId(directory, ROLE, "roleId")).isEqualTo(roleId);
    }

    @Test
    void aRoleDeletedAndCreatedAgainUnderTheSameNameGetsANewId() {
        directory.write(tx -> tx.insert(ROLE, "111111111111", body("ops")));
        String first = storedId(directory, ROLE, "roleId");

        directory.write(tx -> {
            tx.delete(ROLE, 1);
            return tx.insert(ROLE, "111111111111", body("ops"));
        });

        assertThat(storedId(directory, ROLE, "roleId")).isNotEqualTo(first);
    }

    @Test
    void anEntryBringingItsIdKeepsIt() {
        String imported = io.stsgate.directory.UniqueIds.newUserId();

        directory.write(tx -> tx.insert(USER, "111111111111", body("ann").put("userId", imported)));

        assertThat(storedId(directory, USER, "userId")).isEqualTo(imported);
    }

    @Test
    void anInsertedEntryIsReadBackAtVersionOne() {
        directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));

        var contents = directory.read();
        assertThat(contents.revision()).isEqualTo(1);
        assertThat(contents.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(ACCOUNT);
            assertThat(entry.version()).isEqualTo(1);
            assertThat(entry.body().get("name").asText()).isEqualTo("Dev");
            assertThat(entry.createdAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void anUpdateWithTheCurrentVersionBumpsTheVersion() {
        directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));
        directory.write(tx -> tx.update(ACCOUNT, 1, body("Development")));

        assertThat(directory.read().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.version()).isEqualTo(2);
            assertThat(entry.body().get("name").asText()).isEqualTo("Development");
        });
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
        directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));
        directory.write(tx -> tx.update(ACCOUNT, 1, body("Development")));

        assertThatThrownBy(() -> directory.write(tx -> tx.update(ACCOUNT, 1, body("Stale"))))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreConflict.Kind.VERSION_MISMATCH));
        assertThat(directory.read().entries().get(0).body().get("name").asText()).isEqualTo("Development");
        assertThat(directory.revision()).isEqualTo(2);
    }

    @Test
    void insertingAnExistingEntryIsAConflict() {
        directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));

        assertThatThrownBy(() -> directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Again"))))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreConflict.Kind.EXISTS));
    }

    @Test
    void deletingAMissingEntryIsAConflict() {
        assertThatThrownBy(() -> directory.write(tx -> {
            tx.delete(ACCOUNT, -1);
            return null;
        })).isInstanceOfSatisfying(StoreConflict.class,
                e -> assertThat(e.kind()).isEqualTo(StoreConflict.Kind.MISSING));
    }

    @Test
    void aDeleteWithTheCurrentVersionRemovesTheEntry() {
        directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));
        directory.write(tx -> {
            tx.delete(ACCOUNT, 1);
            return null;
        });

        assertThat(directory.read().entries()).isEmpty();
        assertThat(directory.revision()).isEqualTo(2);
    }

    @Test
    void aWriteThatThrowsLeavesNothingBehind() {
        assertThatThrownBy(() -> directory.write(tx -> {
            tx.insert(ACCOUNT, "111111111111", body("Dev"));
            throw new IllegalStateException("validation failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(directory.read().entries()).isEmpty();
        assertThat(directory.revision()).isZero();
    }

    @Test
    void aWriteThatChangesNothingKeepsTheRevision() {
        directory.write(tx -> tx.entries());

        assertThat(directory.revision()).isZero();
    }

    @Test
    void aTransactionSeesItsOwnChanges() {
        var seen = directory.write(tx -> {
            tx.insert(ACCOUNT, "111111111111", body("Dev"));
            return tx.find(ACCOUNT).orElseThrow().body().get("name").asText();
        });

        assertThat(seen).isEqualTo("Dev");
    }

    @Test
    void aCommitIsAnnouncedToThisReplicasListeners() {
        var revisions = Collections.synchronizedList(new ArrayList<Long>());
        changes.subscribe(JdbcDirectoryStore.TOPIC, revisions::add);

        directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));

        assertThat(revisions).containsExactly(1L);
    }

    @Test
    void concurrentWritersAreSerialisedAndNoneIsLost() throws Exception {
        int perWriter = 20;
        var writers = new ArrayList<CompletableFuture<Void>>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perWriter; i++) {
                    var id = new EntryId(EntryKind.ROLE, "arn:aws:iam::111111111111:role/w" + writer + "-" + i);
                    directory.write(tx -> tx.insert(id, "111111111111", body("r")));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(directory.read().entries()).hasSize(2 * perWriter);
        assertThat(directory.revision()).isEqualTo(2L * perWriter);
    }

    @Test
    void anotherReplicaLearnsOfAChangeWithinThePollInterval() throws Exception {
        var otherChanges = new StoreChanges();
        var revisions = Collections.synchronizedList(new ArrayList<Long>());
        otherChanges.subscribe(JdbcDirectoryStore.TOPIC, revisions::add);
        otherChanges.seen(JdbcDirectoryStore.TOPIC, 0);
        try (var poller = new StorePoller(store.dataSource(), store.dialect(), otherChanges,
                Duration.ofMillis(200), Duration.ofSeconds(5), new StoreHealth(java.time.Clock.systemUTC()))) {
            poller.start();
            directory.write(tx -> tx.insert(ACCOUNT, "111111111111", body("Dev")));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (revisions.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(revisions).containsExactly(1L);
    }

    List<StoredEntry> entries() {
        return directory.read().entries();
    }
}
