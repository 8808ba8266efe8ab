package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.testsupport.TestClock;
import io.stsgate.testsupport.store.TestStores;

class OneTimeUseTest {

    @TempDir
    Path folder;
    TestClock clock;
    JdbcOneTimeUse oneTimeUse;

    @BeforeEach
    void open() {
        clock = new TestClock();
        oneTimeUse = new JdbcOneTimeUse(TestStores.embedded(folder).dataSource(), clock);
    }

    @Test
    void anAssertionIdIsAcceptedOnce() {
        Instant expiry = clock.instant().plusSeconds(300);

        assertThat(oneTimeUse.firstUse("idp|_a1", expiry)).isTrue();
        assertThat(oneTimeUse.firstUse("idp|_a1", expiry)).isFalse();
        assertThat(oneTimeUse.firstUse("idp|_a2", expiry)).isTrue();
    }

    @Test
    void anExpiredAssertionIdIsForgotten() {
        assertThat(oneTimeUse.firstUse("idp|_a1", clock.instant().plusSeconds(300))).isTrue();
        clock.advance(java.time.Duration.ofSeconds(301));

        assertThat(oneTimeUse.firstUse("idp|_a1", clock.instant().plusSeconds(300))).isTrue();
    }

    @Test
    void anMfaStepIsAcceptedOnceAndNeverAnEarlierOne() {
        String device = "arn:aws:iam::111111111111:mfa/alice";

        assertThat(oneTimeUse.recordUse(device, 100)).isTrue();
        assertThat(oneTimeUse.recordUse(device, 100)).isFalse();
        assertThat(oneTimeUse.recordUse(device, 99)).isFalse();
        assertThat(oneTimeUse.recordUse(device, 101)).isTrue();
        assertThat(oneTimeUse.recordUse("arn:aws:iam::111111111111:mfa/bob", 100)).isTrue();
    }
}
