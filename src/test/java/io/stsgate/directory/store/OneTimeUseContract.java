package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.store.TestStores.TestStore;

/** One-time use of SAML assertion ids and MFA steps; run against the embedded database and against PostgreSQL. */
abstract class OneTimeUseContract {

    TestClock clock;
    TestStore store;
    JdbcOneTimeUse oneTimeUse;
    /** Unique per test: the PostgreSQL store is shared by every run. */
    final String idp = "idp-" + UUID.randomUUID() + "|";

    abstract TestStore newStore();

    @BeforeEach
    void open() {
        clock = new TestClock();
        store = newStore();
        oneTimeUse = new JdbcOneTimeUse(store.dataSource(), clock);
    }

    @Test
    void anAssertionIdIsAcceptedOnce() {
        Instant expiry = clock.instant().plusSeconds(300);

        assertThat(oneTimeUse.firstUse(idp + "_a1", expiry)).isTrue();
        assertThat(oneTimeUse.firstUse(idp + "_a1", expiry)).isFalse();
        assertThat(oneTimeUse.firstUse(idp + "_a2", expiry)).isTrue();
    }

    @Test
    void anExpiredAssertionIdIsForgotten() {
        assertThat(oneTimeUse.firstUse(idp + "_a1", clock.instant().plusSeconds(300))).isTrue();
        clock.advance(Duration.ofSeconds(301));

        assertThat(oneTimeUse.firstUse(idp + "_a1", clock.instant().plusSeconds(300))).isTrue();
    }

    @Test
    void oneOfManyConcurrentUsesOfAnIdWinsAndDistinctIdsAllDo() throws Exception {
        int callers = 32;
        Instant expiry = clock.instant().plusSeconds(300);
        List<Boolean> same = concurrently(callers, i -> oneTimeUse.firstUse(idp + "_replayed", expiry));
        List<Boolean> distinct = concurrently(callers, i -> oneTimeUse.firstUse(idp + "_a" + i, expiry));

        assertThat(same).containsOnlyOnce(true).hasSize(callers);
        assertThat(distinct).containsOnly(true).hasSize(callers);
    }

    @Test
    void whenTheStoreFailsEveryWaitingUseFailsAndNoneIsAccepted() throws Exception {
        try (var connection = store.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("alter table saml_assertion_use rename to saml_assertion_use_gone");
        }
        try {
            assertThatThrownBy(() -> oneTimeUse.firstUse(idp + "_a1", clock.instant().plusSeconds(300)))
                    .isInstanceOf(StoreFailure.class).hasMessageContaining("replay cache");
        } finally {
            try (var connection = store.dataSource().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("alter table saml_assertion_use_gone rename to saml_assertion_use");
            }
        }
        assertThat(oneTimeUse.firstUse(idp + "_a1", clock.instant().plusSeconds(300))).isTrue();
    }

    @Test
    void anMfaStepIsAcceptedOnceAndNeverAnEarlierOne() {
        String device = "arn:aws:iam::111111111111:mfa/" + idp + "alice";

        assertThat(oneTimeUse.recordUse(device, 100)).isTrue();
        assertThat(oneTimeUse.recordUse(device, 100)).isFalse();
        assertThat(oneTimeUse.recordUse(device, 99)).isFalse();
        assertThat(oneTimeUse.recordUse(device, 101)).isTrue();
        assertThat(oneTimeUse.recordUse(device + "-bob", 100)).isTrue();
    }

    interface Use {
        boolean run(int caller) throws Exception;
    }

    /** Runs {@code use} on {@code callers} threads released at once; their answers in caller order. */
    static List<Boolean> concurrently(int callers, Use use) throws Exception {
        var pool = Executors.newFixedThreadPool(callers);
        try {
            var start = new CountDownLatch(1);
            var answers = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                Callable<Boolean> task = () -> {
                    start.await();
                    return use.run(caller);
                };
                answers.add(pool.submit(task));
            }
            start.countDown();
            var result = new ArrayList<Boolean>();
            for (var answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }
}
