package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.directory.MfaLockout;
import io.stsgate.testsupport.store.TestStores.TestStore;

/** What the MFA failure ledger must do; run against the embedded database and against PostgreSQL. */
abstract class MfaFailuresContract {

    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    static final String DEVICE = "arn:aws:iam::111111111111:mfa/alice";
    static final MfaLockout LOCKOUT = new MfaLockout(5, Duration.ofMinutes(5), Duration.ofMinutes(15));

    TestStore store;
    JdbcMfaFailures failures;

    abstract TestStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        failures = new JdbcMfaFailures(store.dataSource());
    }

    /** One refused code at {@code at}; the lock's end when this refusal (or an earlier one) locked the device. */
    static Optional<Instant> refuse(JdbcMfaFailures ledger, Instant at) {
        Optional<Instant> locked = ledger.admit(DEVICE, at, LOCKOUT);
        return locked.isPresent() ? locked : ledger.refused(DEVICE, at, LOCKOUT);
    }

    @Test
    void theFifthRefusedCodeWithinTheWindowLocksTheDeviceForTheLockDuration() {
        for (int i = 0; i < 4; i++) {
            assertThat(refuse(failures, START.plusSeconds(i * 10))).isEmpty();
        }
        assertThat(failures.state(DEVICE).failures()).isEqualTo(4);

        Instant fifth = START.plusSeconds(40);
        assertThat(refuse(failures, fifth)).contains(fifth.plus(LOCKOUT.lockDuration()));

        assertThat(failures.state(DEVICE).lockedAt(fifth.plusSeconds(1))).isTrue();
        assertThat(failures.admit(DEVICE, fifth.plusSeconds(1), LOCKOUT))
                .contains(fifth.plus(LOCKOUT.lockDuration()));
    }

    @Test
    void whileLockedNoAttemptIsCountedAndTheLockIsNotExtended() {
        lock(START);
        Instant until = START.plus(LOCKOUT.lockDuration());

        for (int i = 1; i <= 20; i++) {
            assertThat(failures.admit(DEVICE, START.plusSeconds(i), LOCKOUT)).contains(until);
        }

        assertThat(failures.state(DEVICE).lockedUntil()).isEqualTo(until);
        assertThat(failures.state(DEVICE).failures()).isZero();
    }

    @Test
    void aLockedDeviceAdmitsCodesAgainOnceTheLockEnds() {
        lock(START);
        Instant until = START.plus(LOCKOUT.lockDuration());

        assertThat(failures.admit(DEVICE, until.minusSeconds(1), LOCKOUT)).contains(until);
        assertThat(failures.admit(DEVICE, until, LOCKOUT)).isEmpty();
        failures.accepted(DEVICE);
        assertThat(failures.state(DEVICE).lockedAt(until)).isFalse();
    }

    @Test
    void aFailureAfterAQuietWindowStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            refuse(failures, START.plusSeconds(i));
        }
        Instant later = START.plusSeconds(3).plus(LOCKOUT.failureWindow());

        assertThat(refuse(failures, later)).isEmpty();
        assertThat(failures.state(DEVICE).failures()).isEqualTo(1);
    }

    @Test
    void anAcceptedCodeClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            refuse(failures, START.plusSeconds(i));
        }
        assertThat(failures.admit(DEVICE, START.plusSeconds(5), LOCKOUT)).isEmpty();
        failures.accepted(DEVICE);

        assertThat(failures.state(DEVICE).failures()).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(refuse(failures, START.plusSeconds(10 + i))).isEmpty();
        }
    }

    @Test
    void clearingEndsTheLockAndForgetsTheCount() {
        lock(START);

        assertThat(failures.clear(DEVICE)).isTrue();

        assertThat(failures.admit(DEVICE, START.plusSeconds(1), LOCKOUT)).isEmpty();
        assertThat(failures.state(DEVICE).failures()).isEqualTo(1);
        assertThat(failures.clear("arn:aws:iam::111111111111:mfa/nobody")).isFalse();
    }

    @Test
    void devicesAreCountedApart() {
        lock(START);

        assertThat(failures.admit("arn:aws:iam::111111111111:mfa/bob", START.plusSeconds(1), LOCKOUT)).isEmpty();
        assertThat(failures.state("arn:aws:iam::111111111111:mfa/carol").failures()).isZero();
    }

    @Test
    void twoReplicasAddUpTheirFailures() {
        var other = new JdbcMfaFailures(store.replica().get());

        refuse(failures, START);
        refuse(other, START.plusSeconds(1));
        refuse(failures, START.plusSeconds(2));
        refuse(other, START.plusSeconds(3));
        Optional<Instant> locked = refuse(failures, START.plusSeconds(4));

        assertThat(locked).contains(START.plusSeconds(4).plus(LOCKOUT.lockDuration()));
        assertThat(other.admit(DEVICE, START.plusSeconds(5), LOCKOUT)).isEqualTo(locked);
        assertThat(other.clear(DEVICE)).isTrue();
        assertThat(failures.admit(DEVICE, START.plusSeconds(6), LOCKOUT)).isEmpty();
    }

    @Test
    void concurrentAttemptsOnTwoReplicasNeverGetMoreThanTheLimitChecked() throws Exception {
        var replicas = List.of(failures, new JdbcMfaFailures(store.replica().get()));
        var executor = Executors.newFixedThreadPool(8);
        try {
            var attempts = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 40; i++) {
                JdbcMfaFailures ledger = replicas.get(i % 2);
                Callable<Boolean> attempt = () -> ledger.admit(DEVICE, START, LOCKOUT).isEmpty();
                attempts.add(executor.submit(attempt));
            }
            long admitted = 0;
            for (Future<Boolean> attempt : attempts) {
                admitted += attempt.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(LOCKOUT.maxFailures());
        } finally {
            executor.shutdownNow();
        }
        assertThat(failures.state(DEVICE).lockedAt(START)).isTrue();
    }

    private void lock(Instant at) {
        for (int i = 0; i < LOCKOUT.maxFailures(); i++) {
            refuse(failures, at);
        }
        assertThat(failures.state(DEVICE).lockedAt(at)).isTrue();
    }
}
