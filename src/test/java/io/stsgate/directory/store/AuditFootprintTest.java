package io.stsgate.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.audit.AuditBounds;
import io.stsgate.audit.AuditEvent;
import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.store.RequiresPostgres;
import io.stsgate.testsupport.store.TestStores;

/**
 * Bytes per stored audit event on both stores, for the README's sizing figures: a typical unauthenticated refusal,
 * a typical issuance, and the largest event the bounds allow. Printed, and held below a ceiling.
 */
class AuditFootprintTest {

    private static final int EVENTS = 4000;
    private static final int BATCH = 100;
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path folder;

    static AuditEvent refusal(int n) {
        return new AuditEvent(T0.plusMillis(n), java.util.UUID.randomUUID().toString(), "AssumeRoleWithWebIdentity",
                AuditEvent.Outcome.FAILURE, ReasonCode.TOKEN_MALFORMED, "InvalidIdentityToken",
                "the token is not a compact JWS", null, null, null, "arn:aws:iam::333333333333:role/web-engineering",
                null, null, null, Map.of(), null, "203.0.113.9", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 botocore/2");
    }

    static AuditEvent issuance(int n) {
        return new AuditEvent(T0.plusMillis(n), java.util.UUID.randomUUID().toString(), "AssumeRoleWithWebIdentity",
                AuditEvent.Outcome.SUCCESS, ReasonCode.ISSUED, null, null,
                "arn:aws:iam::333333333333:oidc-provider/idp.example.com/realms/apps", "6c1f0c33-59d8-4a6b-9d3e",
                "https://idp.example.com/realms/apps", "arn:aws:iam::333333333333:role/web-engineering", "alice",
                null, 3600, Map.of("department", "engineering"), "ASIAQ3EGUCMIXAMPLE12", "203.0.113.9",
                "aws-sdk-java/2.31.50 Linux/6.1 OpenJDK_64-Bit_Server_VM/17");
    }

    /** Every field at its bound, with random text: PostgreSQL compresses repeated characters, attackers need not. */
    static AuditEvent largest(int n) {
        var tags = new LinkedHashMap<String, String>();
        for (int i = 0; i < 50; i++) {
            tags.put(random(120) + i, random(256));
        }
        return AuditBounds.bounded(new AuditEvent(T0.plusMillis(n), "r" + n + "-" + random(200), random(100),
                AuditEvent.Outcome.FAILURE, ReasonCode.TRUST_POLICY_DENIED, random(100), random(2048), random(2048),
                random(2048), random(2048), random(2048), random(100), random(100), 3600, tags, random(40),
                random(100), random(2048)));
    }

    private static String random(int length) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }

    @Test
    void bytesPerEventOnTheEmbeddedStore() throws Exception {
        var sizes = new ArrayList<String>();
        for (var kind : List.<Map.Entry<String, IntFunction<AuditEvent>>> of(Map.entry("refusal",
                AuditFootprintTest::refusal), Map.entry("issuance", AuditFootprintTest::issuance),
                Map.entry("largest", AuditFootprintTest::largest))) {
            Path dir = folder.resolve(kind.getKey());
            var store = TestStores.embedded(dir);
            var audit = new JdbcAuditStore(store.dataSource(), store.dialect());
            long before = h2Bytes(store.dataSource().getConnection(), dir);
            append(audit, kind.getValue());
            long perEvent = (h2Bytes(store.dataSource().getConnection(), dir) - before) / EVENTS;
            sizes.add(kind.getKey() + "=" + perEvent);
            assertThat(perEvent).as(kind.getKey()).isLessThan(16_000);
        }
        System.out.println("[audit footprint] embedded bytes per event: " + sizes);
    }

    @Test
    @RequiresPostgres
    void bytesPerEventOnPostgres() throws Exception {
        var sizes = new ArrayList<String>();
        for (var kind : List.<Map.Entry<String, IntFunction<AuditEvent>>> of(Map.entry("refusal",
                AuditFootprintTest::refusal), Map.entry("issuance", AuditFootprintTest::issuance),
                Map.entry("largest", AuditFootprintTest::largest))) {
            var store = TestStores.postgres();
            var audit = new JdbcAuditStore(store.dataSource(), store.dialect());
            append(audit, kind.getValue());
            long perEvent;
            try (Connection connection = store.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze audit_event");
                try (ResultSet size = statement.executeQuery("select pg_total_relation_size('audit_event')")) {
                    size.next();
                    perEvent = size.getLong(1) / EVENTS;
                }
            }
            sizes.add(kind.getKey() + "=" + perEvent);
            assertThat(perEvent).as(kind.getKey()).isLessThan(12_000);
        }
        System.out.println("[audit footprint] postgresql bytes per event (table and indexes): " + sizes);
    }

    private static void append(JdbcAuditStore audit, IntFunction<AuditEvent> event) {
        for (int i = 0; i < EVENTS; i += BATCH) {
            var batch = new ArrayList<AuditEvent>(BATCH);
            for (int j = 0; j < BATCH; j++) {
                batch.add(event.apply(i + j));
            }
            audit.append(batch);
        }
    }

    /** The database file's size once H2 has written and compacted what it holds. */
    private static long h2Bytes(Connection connection, Path dir) throws SQLException, java.io.IOException {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("checkpoint sync");
        }
        return Files.size(dir.resolve("stsgate.mv.db"));
    }
}
