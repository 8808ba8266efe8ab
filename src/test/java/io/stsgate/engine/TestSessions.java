package io.stsgate.engine;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Session contexts for engine tests. */
final class TestSessions {

    private TestSessions() {
    }

    static SessionContext roleSession(Instant issuedAt, int seconds) {
        return new SessionContext(SessionKind.ASSUMED_ROLE, null, null, "222222222222",
                "arn:aws:sts::222222222222:assumed-role/partner-readonly/audit",
                "arn:aws:iam::222222222222:role/partner-readonly", "AROAEXAMPLEEXAMPLE1:audit", "audit", issuedAt,
                issuedAt.plusSeconds(seconds), issuedAt, "alice",
                List.of(new SessionTag("project", "apollo"), new SessionTag("team", "ops")), Set.of("project"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}", List.of("arn:aws:iam::222222222222:policy/ReadOnly"),
                true, null, null);
    }

    /** A session of {@code kind} for {@code sourceArn}, issued for unique id {@code sourceId} (null: none sealed). */
    static SessionContext of(SessionKind kind, String sourceArn, String principalId, String sourceId) {
        Instant issuedAt = Instant.parse("2026-01-01T00:00:00Z");
        return new SessionContext(kind, "k1", "ASIAAAAAAAAAAAAAAAAA", "111111111111", sourceArn, sourceArn,
                principalId, "name", issuedAt, issuedAt.plusSeconds(900), null, null, List.of(), Set.of(), null,
                List.of(), false, null, null, null, sourceId);
    }
}
