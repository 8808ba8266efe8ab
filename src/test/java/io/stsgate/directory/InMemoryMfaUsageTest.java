package io.stsgate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryMfaUsageTest {

    @Test
    void recordUseWhenStepIsNewThenAcceptedOnce() {
        var usage = new InMemoryMfaUsage();
        assertThat(usage.recordUse("arn:aws:iam::111111111111:mfa/alice", 100)).isTrue();
        assertThat(usage.recordUse("arn:aws:iam::111111111111:mfa/alice", 100)).isFalse();
    }

    @Test
    void recordUseWhenStepIsOlderThanTheLastThenRefused() {
        var usage = new InMemoryMfaUsage();
        assertThat(usage.recordUse("d", 101)).isTrue();
        assertThat(usage.recordUse("d", 100)).isFalse();
        assertThat(usage.recordUse("d", 102)).isTrue();
    }

    @Test
    void recordUseWhenDevicesDifferThenIndependent() {
        var usage = new InMemoryMfaUsage();
        assertThat(usage.recordUse("a", 100)).isTrue();
        assertThat(usage.recordUse("b", 100)).isTrue();
    }
}
