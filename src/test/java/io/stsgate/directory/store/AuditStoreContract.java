package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.AuditQuery;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.store.TestStores.TestStore;

/** What the audit store must do; run against the embedded database and against PostgreSQL. */
abstract class AuditStoreContract {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final String DEVELOPER = "arn:aws:iam::111111111111:role/developer";
    static final String PARTNER = "arn:aws:iam::222222222222:role/partner-readonly";

    JdbcAuditStore audit;

    abstract TestStore newStore();

    TestStore store;

    @BeforeEach
    void open() {
        store = newStore();
        audit = new JdbcAuditStore(store.dataSource(), store.dialect());
    }

    static AuditEvent issued(Instant time, String requestId, String role, String subject) {
        return new AuditEvent(time, requestId, "AssumeRoleWithWebIdentity", AuditEvent.Outcome.SUCCESS,
                ReasonCode.ISSUED, null, null, "arn:aws:iam::555555555555:oidc-provider/idp", subject,
                "https://idp/realms/apps", role, "app", "alice-si", 3600, Map.of("Project", "Automation"),
                "ASIAAAAAAAAAAAAAAAAA", "10.0.0.7", "aws-sdk-java/2");
    }

    static AuditEvent denied(Instant time, String requestId, String role) {
        return new AuditEvent(time, requestId, "AssumeRole", AuditEvent.Outcome.FAILURE,
                ReasonCode.TRUST_POLICY_DENIED, "AccessDenied", "trust policy: IMPLICIT_DENY",
                "arn:aws:iam::111111111111:user/alice", null, null, role, "s1", null, null, Map.of(), null,
                "10.0.0.8", "aws-cli/2");
    }

    static AuditQuery all(int maxItems) {
        return new AuditQuery(null, null, null, null, null, maxItems, null);
    }

    @Test
    void everyFieldIsReadBackAsWritten() {
        var event = issued(T0, "r1", DEVELOPER, "sub-1");
        audit.append(List.of(event));

        assertThat(audit.query(all(10)).events()).containsExactly(event);
    }

    @Test
    void anAggregateKeepsItsNumberOfOccurrences() {
        var aggregate = new AuditEvent(T0, "aggregate-1", "AssumeRoleWithWebIdentity", AuditEvent.Outcome.FAILURE,
                ReasonCode.TOKEN_MALFORMED, "InvalidIdentityToken", "990 more", null, null, null, null, null, null,
                null, Map.of(), null, "203.0.113.9", null, 990);
        audit.append(List.of(aggregate));

        assertThat(audit.query(all(10)).events()).containsExactly(aggregate);
    }

    @Test
    void purgeDeletesEventsOlderThanTheRetentionAndKeepsTheRest() {
        audit.append(List.of(denied(T0.minusSeconds(7200), "old-1", DEVELOPER),
                denied(T0.minusSeconds(3601), "old-2", DEVELOPER), denied(T0, "new", DEVELOPER)));

        assertThat(audit.purge(T0.minusSeconds(3600), 1000)).isEqualTo(2);

        assertThat(audit.query(all(10)).events()).extracting(AuditEvent::requestId).containsExactly("new");
    }

    @Test
    void purgeBeyondTheSizeCapDeletesTheOldestFirst() {
        for (int i = 0; i < 12; i++) {
            audit.append(List.of(denied(T0.plusSeconds(i), "e" + i, DEVELOPER)));
        }

        assertThat(audit.purge(T0.minusSeconds(3600), 5)).isEqualTo(7);

        assertThat(audit.query(all(20)).events()).extracting(AuditEvent::requestId)
                .containsExactly("e11", "e10", "e9", "e8", "e7");
    }

    @Test
    void purgeByRetentionGoesByTimeNotByInsertionOrder() {
        // A batch written late (another replica's, or one retried after an outage) holds older times at higher ids.
        audit.append(List.of(denied(T0, "new", DEVELOPER)));
        audit.append(List.of(denied(T0.minusSeconds(7200), "late-but-old", DEVELOPER)));

        assertThat(audit.purge(T0.minusSeconds(3600), 1000)).isEqualTo(1);

        assertThat(audit.query(all(10)).events()).extracting(AuditEvent::requestId).containsExactly("new");
    }

    @Test
    void purgeBeyondTheSizeCapWorksThroughManyChunks() {
        int events = 6_100;
        var batch = new ArrayList<AuditEvent>();
        for (int i = 0; i < events; i++) {
            batch.add(denied(T0.plusMillis(i), "e" + i, DEVELOPER));
            if (batch.size() == 1000) {
                audit.append(batch);
                batch.clear();
            }
        }
        audit.append(batch);

        assertThat(audit.purge(T0.minusSeconds(3600), 100)).isEqualTo(events - 100);

        var kept = audit.query(all(200)).events();
        assertThat(kept).hasSize(100);
        assertThat(kept.get(0).requestId()).isEqualTo("e" + (events - 1));
        assertThat(kept.get(99).requestId()).isEqualTo("e" + (events - 100));
        assertThat(audit.purge(T0.minusSeconds(3600), 100)).isZero();
    }

    @Test
    void purgeBeyondTheSizeCapKeepsTheCapAcrossGapsInTheIds() throws Exception {
        for (int i = 0; i < 10; i++) {
            audit.append(List.of(denied(T0.plusSeconds(i), "e" + i, DEVELOPER)));
        }
        // A gap, as a rolled-back batch leaves one: the oldest ids are no longer consecutive.
        try (var connection = store.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from audit_event where request_id in ('e1', 'e2', 'e3')");
        }

        assertThat(audit.purge(T0.minusSeconds(3600), 4)).isEqualTo(3);

        assertThat(audit.query(all(20)).events()).extracting(AuditEvent::requestId)
                .containsExactly("e9", "e8", "e7", "e6");
    }

    @Test
    void eventsComeNewestFirst() {
        audit.append(List.of(issued(T0, "r1", DEVELOPER, "s"), issued(T0.plusSeconds(2), "r3", DEVELOPER, "s"),
                issued(T0.plusSeconds(1), "r2", DEVELOPER, "s")));

        assertThat(audit.query(all(10)).events()).extracting(AuditEvent::requestId).containsExactly("r3", "r2", "r1");
    }

    @Test
    void filtersByRoleSubjectOutcomeAndTime() {
        audit.append(List.of(issued(T0, "dev", DEVELOPER, "sub-a"), issued(T0.plusSeconds(1), "partner", PARTNER,
                "sub-b"), denied(T0.plusSeconds(2), "denied", DEVELOPER)));

        assertThat(ids(new AuditQuery(null, null, DEVELOPER, null, null, 10, null))).containsExactly("denied", "dev");
        assertThat(ids(new AuditQuery(null, null, null, "sub-b", null, 10, null))).containsExactly("partner");
        assertThat(ids(new AuditQuery(null, null, null, null, AuditEvent.Outcome.FAILURE, 10, null)))
                .containsExactly("denied");
        assertThat(ids(new AuditQuery(T0.plusSeconds(1), T0.plusSeconds(2), null, null, null, 10, null)))
                .containsExactly("partner");
    }

    @Test
    void pagesContinueWhereThePreviousEndedEvenWithinOneInstant() {
        audit.append(List.of(issued(T0, "a", DEVELOPER, "s"), issued(T0, "b", DEVELOPER, "s"),
                issued(T0, "c", DEVELOPER, "s")));

        var first = audit.query(all(2));
        var second = audit.query(new AuditQuery(null, null, null, null, null, 2, first.next()));

        assertThat(first.events()).hasSize(2);
        assertThat(first.next()).isNotNull();
        assertThat(second.events()).hasSize(1);
        assertThat(second.next()).isNull();
        assertThat(List.of(first.events().get(0).requestId(), first.events().get(1).requestId(),
                second.events().get(0).requestId())).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void valuesLongerThanTheirColumnAreCutInsteadOfLosingTheBatch() {
        var event = new AuditEvent(T0, "r1", "AssumeRole", AuditEvent.Outcome.FAILURE, ReasonCode.INVALID_PARAMETER,
                "ValidationError", "d".repeat(5000), null, null, null, null, "n".repeat(100), null, null, Map.of(),
                null, "10.0.0.1", "u".repeat(2000));

        audit.append(List.of(event, issued(T0, "r2", DEVELOPER, "s")));

        var stored = audit.query(new AuditQuery(null, null, null, null, AuditEvent.Outcome.FAILURE, 10, null))
                .events().get(0);
        assertThat(stored.userAgent()).hasSize(512);
        assertThat(stored.detail()).hasSize(2048);
        assertThat(stored.sessionName()).hasSize(64);
    }

    private List<String> ids(AuditQuery query) {
        return audit.query(query).events().stream().map(AuditEvent::requestId).toList();
    }
}
