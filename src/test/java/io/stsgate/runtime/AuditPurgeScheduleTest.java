package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AuditPurgeScheduleTest {

    private final AuditPurgeSchedule everyFiveMinutes = new AuditPurgeSchedule(Duration.ofMinutes(5));

    @Test
    void aRunThatFoundNothingWaitsTheInterval() {
        assertThat(everyFiveMinutes.after(0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRunThatDeletedEventsRunsAgainSoonToKeepUpWithABusyTrail() {
        assertThat(everyFiveMinutes.after(5_000)).isEqualTo(AuditPurgeSchedule.CATCH_UP);
    }

    @Test
    void anIntervalShorterThanTheCatchUpIsKept() {
        assertThat(new AuditPurgeSchedule(Duration.ofSeconds(2)).after(5_000)).isEqualTo(Duration.ofSeconds(2));
    }
}
