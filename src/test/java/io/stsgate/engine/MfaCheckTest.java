package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.MfaLockout;
import io.stsgate.directory.store.JdbcMfaFailures;
import io.stsgate.directory.store.JdbcOneTimeUse;
import io.stsgate.testsupport.Demo;
import io.stsgate.testsupport.MovableClock;
import io.stsgate.testsupport.TestTotp;
import io.stsgate.testsupport.store.TestStores;

/** MFA codes cannot be guessed: refused codes lock the device, and a locked device refuses even the right code. */
class MfaCheckTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:05Z");
    private static final MfaLockout LOCKOUT = new MfaLockout(5, Duration.ofMinutes(5), Duration.ofMinutes(15));

    @TempDir
    Path folder;
    MovableClock clock;
    MfaCheck mfa;

    @BeforeEach
    void open() throws Exception {
        clock = new MovableClock(START);
        var store = TestStores.embedded(folder);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            var directory = DirectoryFileLoader.load("demo", in);
            mfa = new MfaCheck(directory, new JdbcOneTimeUse(store.dataSource(), clock),
                    new JdbcMfaFailures(store.dataSource()), LOCKOUT, clock);
        }
    }

    private String rightCode() {
        return TestTotp.code(TestTotp.DEMO_SEED, clock.instant());
    }

    /** A code that matches neither this step nor its neighbours. */
    private String wrongCode(int n) {
        String code;
        do {
            code = String.format("%06d", n++ % 1_000_000);
        } while (code.equals(TestTotp.code(TestTotp.DEMO_SEED, clock.instant()))
                || code.equals(TestTotp.code(TestTotp.DEMO_SEED, clock.instant().minusSeconds(30)))
                || code.equals(TestTotp.code(TestTotp.DEMO_SEED, clock.instant().plusSeconds(30))));
        return code;
    }

    private StsException refusal(String code) {
        return refusal(Demo.ALICE_MFA, code);
    }

    private StsException refusal(String device, String code) {
        Throwable thrown = catchThrowable(() -> mfa.verify(Demo.ALICE_ARN, device, code));
        assertThat(thrown).isInstanceOf(StsException.class);
        return (StsException) thrown;
    }

    @Test
    void aBruteForceLoopGetsNowhereAndOnceLockedEvenTheRightCodeIsRefused() {
        int refusedUnchecked = 0;
        for (int n = 0; n < 200; n++) {
            StsException refused = refusal(wrongCode(n));
            assertThat(refused.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
            assertThat(refused.getMessage()).isEqualTo(MfaCheck.FAILED);
            if (refused.reason() == ReasonCode.MFA_DEVICE_LOCKED) {
                refusedUnchecked++;
            }
        }
        assertThat(refusedUnchecked).isEqualTo(200 - LOCKOUT.maxFailures());

        StsException right = refusal(rightCode());

        assertThat(right.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(right.reason()).isEqualTo(ReasonCode.MFA_DEVICE_LOCKED);
        assertThat(right.getMessage()).isEqualTo(MfaCheck.FAILED);
        assertThat(right.detail()).contains("locked until " + START.plus(LOCKOUT.lockDuration()));
    }

    @Test
    void theRefusalThatLocksTheDeviceSaysSoInItsDetail() {
        for (int n = 0; n < LOCKOUT.maxFailures() - 1; n++) {
            assertThat(refusal(wrongCode(n)).detail()).doesNotContain("locked");
        }

        StsException fifth = refusal(wrongCode(10));

        assertThat(fifth.reason()).isEqualTo(ReasonCode.MFA_CODE_INVALID);
        assertThat(fifth.detail()).endsWith("the device is now locked until " + START.plus(LOCKOUT.lockDuration()));
    }

    @Test
    void aLockedDeviceRecoversWhenTheLockEnds() {
        for (int n = 0; n < LOCKOUT.maxFailures(); n++) {
            refusal(wrongCode(n));
        }
        clock.advance(LOCKOUT.lockDuration().minusSeconds(1));
        assertThat(refusal(rightCode()).reason()).isEqualTo(ReasonCode.MFA_DEVICE_LOCKED);

        clock.advance(Duration.ofSeconds(1));

        assertThat(mfa.verify(Demo.ALICE_ARN, Demo.ALICE_MFA, rightCode())).isEqualTo(clock.instant());
    }

    @Test
    void anAcceptedCodeClearsTheCountSoTheOwnerIsNotLockedOutByOldMistakes() {
        for (int n = 0; n < LOCKOUT.maxFailures() - 1; n++) {
            refusal(wrongCode(n));
        }
        mfa.verify(Demo.ALICE_ARN, Demo.ALICE_MFA, rightCode());
        clock.advance(Duration.ofSeconds(30));

        for (int n = 0; n < LOCKOUT.maxFailures() - 1; n++) {
            assertThat(refusal(wrongCode(n)).reason()).isEqualTo(ReasonCode.MFA_CODE_INVALID);
        }
        assertThat(mfa.verify(Demo.ALICE_ARN, Demo.ALICE_MFA, rightCode())).isEqualTo(clock.instant());
    }

    @Test
    void aReplayedCodeCountsAsARefusedCode() {
        String code = rightCode();
        mfa.verify(Demo.ALICE_ARN, Demo.ALICE_MFA, code);

        for (int n = 0; n < LOCKOUT.maxFailures(); n++) {
            assertThat(refusal(code).reason()).isEqualTo(ReasonCode.MFA_CODE_REUSED);
        }

        clock.advance(Duration.ofSeconds(30));
        assertThat(refusal(rightCode()).reason()).isEqualTo(ReasonCode.MFA_DEVICE_LOCKED);
    }

    @Test
    void anUnknownDeviceIsRefusedWithoutCountingAnything() {
        for (int n = 0; n < 10; n++) {
            StsException refused = refusal("arn:aws:iam::111111111111:mfa/nobody", "123456");
            assertThat(refused.reason()).isEqualTo(ReasonCode.MFA_DEVICE_UNKNOWN);
        }

        assertThat(mfa.verify(Demo.ALICE_ARN, Demo.ALICE_MFA, rightCode())).isNotNull();
    }
}
