package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.directory.RevocableSession;
import io.stsgate.directory.Revocation;
import io.stsgate.directory.RevocationScope;
import io.stsgate.testsupport.MovableClock;
import io.stsgate.testsupport.store.TestStores.TestStore;

/** What the revocation store must do; run against the embedded database and against PostgreSQL. */
abstract class RevocationStoreContract {

    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    static final String ROLE = "arn:aws:iam::222222222222:role/partner-readonly";

    TestStore store;
    StoreChanges changes;
    MovableClock clock;
    JdbcRevocationStore revocations;

    abstract TestStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        changes = new StoreChanges();
        clock = new MovableClock(START);
        revocations = new JdbcRevocationStore(store.dataSource(), store.dialect(), changes, clock);
    }

    static NewRevocation role(Instant issuedBefore) {
        return new NewRevocation(RevocationScope.ROLE, ROLE, issuedBefore, "ops", "incident 42");
    }

    @Test
    void anAddedRevocationIsReadBackWithItsExpiry() {
        Revocation added = revocations.add(role(START));

        var contents = revocations.read();
        assertThat(contents.revision()).isEqualTo(1);
        assertThat(contents.revocations()).containsExactly(added);
        assertThat(added.expiresAt()).isEqualTo(START.plus(Revocation.LONGEST_SESSION));
        assertThat(added.createdBy()).isEqualTo("ops");
        assertThat(added.reason()).isEqualTo("incident 42");
    }

    @Test
    void eachAddBumpsTheRevisionAndTellsThisReplica() {
        var revisions = Collections.synchronizedList(new ArrayList<Long>());
        changes.subscribe(JdbcRevocationStore.TOPIC, revisions::add);

        revocations.add(role(START));
        revocations.add(role(START));

        assertThat(revisions).containsExactly(1L, 2L);
    }

    @Test
    void pagesAreNewestFirstAndContinueBelowTheLastId() {
        var first = revocations.add(role(START.minusSeconds(2)));
        var second = revocations.add(role(START.minusSeconds(1)));
        var third = revocations.add(role(START));

        assertThat(revocations.page(2, null)).containsExactly(third, second);
        assertThat(revocations.page(2, second.id())).containsExactly(first);
    }

    @Test
    void expiredRevocationsAreNeitherReadNorKeptAfterThePurge() {
        revocations.add(role(START));
        clock.advance(Revocation.LONGEST_SESSION);

        assertThat(revocations.read().revocations()).isEmpty();
        assertThat(revocations.purgeExpired()).isEqualTo(1);
        assertThat(revocations.purgeExpired()).isZero();
    }

    @Test
    void addingPurgesExpiredRevocationsInTheSameTransaction() {
        revocations.add(role(START));
        clock.advance(Revocation.LONGEST_SESSION.plusSeconds(1));
        revocations.add(role(clock.instant()));

        assertThat(revocations.purgeExpired()).isZero();
        assertThat(revocations.page(10, null)).hasSize(1);
    }

    @Test
    void theStoredListFollowsEveryAddWithoutBeingAskedToReload() {
        var stored = new StoredRevocations(revocations, changes);
        var session = new RevocableSession("ASIAAAAAAAAAAAAAAAAA", ROLE, List.of(), null, START.minusSeconds(5));
        assertThat(stored.get().revoking(session)).isEmpty();

        revocations.add(role(START));

        assertThat(stored.get().revoking(session)).isPresent();
        assertThat(stored.revision()).isEqualTo(1);
    }
}
