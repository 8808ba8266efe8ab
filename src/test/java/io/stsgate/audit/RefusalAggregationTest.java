package io.stsgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.stsgate.testsupport.MovableClock;

/** A flood of unauthenticated refusals becomes a few events per minute; nothing else is touched. */
class RefusalAggregationTest {

    private static final Instant MINUTE = Instant.parse("2026-11-22T10:00:00Z");

    private final List<AuditEvent> written = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock(MINUTE);
    private final RefusalAggregation aggregation = new RefusalAggregation(written::add, clock, 3, 100);

    static AuditEvent unauthenticated(Instant time, String ip) {
        return new AuditEvent(time, "x", "AssumeRoleWithWebIdentity", AuditEvent.Outcome.FAILURE,
                ReasonCode.TOKEN_MALFORMED, "InvalidIdentityToken", "not a JWT", null, null, null, null, null, null,
                null, Map.of(), null, ip, "curl/8");
    }

    static AuditEvent issued(Instant time) {
        return new AuditEvent(time, "i", "AssumeRole", AuditEvent.Outcome.SUCCESS, ReasonCode.ISSUED, null, null,
                "arn:aws:iam::111111111111:user/alice", null, null, "arn:aws:iam::111111111111:role/r", "s", null,
                3600, Map.of(), "ASIAAAAAAAAAAAAAAAAA", "203.0.113.9", "aws-cli/2");
    }

    @Test
    void recordWhenFloodFromOneSourceThenFirstOnesThenOneAggregateWithTheCount() {
        for (int i = 0; i < 1000; i++) {
            aggregation.record(unauthenticated(MINUTE.plusMillis(i), "203.0.113.9"));
        }
        assertThat(written).hasSize(3);

        clock.set(MINUTE.plusSeconds(61));
        aggregation.flush();

        assertThat(written).hasSize(4);
        var aggregate = written.get(3);
        assertThat(aggregate.occurrences()).isEqualTo(997);
        assertThat(aggregate.reason()).isEqualTo(ReasonCode.TOKEN_MALFORMED);
        assertThat(aggregate.sourceIp()).isEqualTo("203.0.113.9");
        assertThat(aggregate.time()).isEqualTo(MINUTE);
        assertThat(aggregate.detail()).contains("997");
    }

    @Test
    void flushAllWhenShuttingDownMidMinuteThenTheCountSoFarIsWritten() {
        for (int i = 0; i < 10; i++) {
            aggregation.record(unauthenticated(MINUTE.plusMillis(i), "203.0.113.9"));
        }
        clock.set(MINUTE.plusSeconds(20));
        aggregation.flush();
        assertThat(written).hasSize(3);

        aggregation.flushAll();

        assertThat(written).hasSize(4);
        assertThat(written.get(3).occurrences()).isEqualTo(7);
        aggregation.flushAll();
        assertThat(written).hasSize(4);
    }

    @Test
    void recordWhenFloodThenEverySuccessStillPassesOneByOne() {
        for (int i = 0; i < 500; i++) {
            aggregation.record(unauthenticated(MINUTE.plusMillis(i), "198.51.100." + (i % 2)));
            if (i % 50 == 0) {
                aggregation.record(issued(MINUTE.plusMillis(i)));
            }
        }

        assertThat(written.stream().filter(e -> e.outcome() == AuditEvent.Outcome.SUCCESS)).hasSize(10);
        assertThat(written.stream().filter(e -> e.outcome() == AuditEvent.Outcome.FAILURE)).hasSize(6);
    }

    @Test
    void recordWhenNextMinuteBeginsThenPreviousMinuteIsAggregatedAndCountingStartsAgain() {
        for (int i = 0; i < 5; i++) {
            aggregation.record(unauthenticated(MINUTE.plusSeconds(i), "203.0.113.9"));
        }
        aggregation.record(unauthenticated(MINUTE.plusSeconds(60), "203.0.113.9"));

        assertThat(written).extracting(AuditEvent::occurrences).containsExactly(1, 1, 1, 2, 1);
    }

    @Test
    void recordWhenCallerAuthenticatedThenNeverAggregated() {
        var authenticatedRefusal = new AuditEvent(MINUTE, "x", "AssumeRole", AuditEvent.Outcome.FAILURE,
                ReasonCode.TRUST_POLICY_DENIED, "AccessDenied", null, "arn:aws:iam::111111111111:user/alice", null,
                null, null, null, null, null, Map.of(), null, "203.0.113.9", null);
        for (int i = 0; i < 20; i++) {
            aggregation.record(authenticatedRefusal);
        }

        assertThat(written).hasSize(20);
    }

    @Test
    void recordWhenSamlClaimedButNotVerifiedThenUnauthenticated() {
        var claimed = new AuditEvent(MINUTE, "x", "AssumeRoleWithSAML", AuditEvent.Outcome.FAILURE,
                ReasonCode.SAML_INVALID, "InvalidIdentityToken", null, "arn:aws:iam::111111111111:saml-provider/corp",
                null, null, null, null, null, null, Map.of(), null, "203.0.113.9", null);

        assertThat(RefusalAggregation.unauthenticatedRefusal(claimed)).isTrue();
    }

    @Test
    void recordWhenManySourcesBeyondTheKeyLimitThenCountedUnderOtherSources() {
        var small = new RefusalAggregation(written::add, clock, 0, 2);
        for (int i = 0; i < 10; i++) {
            small.record(unauthenticated(MINUTE, "192.0.2." + i));
        }
        clock.set(MINUTE.plusSeconds(60));
        small.flush();

        assertThat(written).extracting(AuditEvent::sourceIp).containsExactlyInAnyOrder("192.0.2.0", "192.0.2.1",
                RefusalAggregation.OTHER_SOURCES);
        assertThat(written).extracting(AuditEvent::occurrences).containsExactlyInAnyOrder(1, 1, 8);
    }
}
