package io.stsgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** One bound for the log line and the stored row: long fields are cut and say so. */
class AuditBoundsTest {

    static AuditEvent huge() {
        String arn = "arn:aws:iam::111111111111:role/" + "p".repeat(2048 - 31);
        var tags = new LinkedHashMap<String, String>();
        for (int i = 0; i < 50; i++) {
            tags.put("k".repeat(120) + i, "v".repeat(256));
        }
        return new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "r".repeat(200), "A".repeat(500),
                AuditEvent.Outcome.FAILURE, ReasonCode.TRUST_POLICY_DENIED, "E".repeat(100), "d".repeat(10_000), arn,
                "s".repeat(5000), "https://" + "i".repeat(3000), arn, "n".repeat(100), "x".repeat(100), 3600, tags,
                "ASIA" + "A".repeat(40), "f".repeat(300), "Mozilla/5.0 " + "u".repeat(8000));
    }

    @Test
    void boundedWhenRoleArnOf2048CharactersThenCutAndMarkedWithTheCount() {
        var event = AuditBounds.bounded(huge());

        assertThat(event.roleArn()).hasSize(AuditBounds.ARN).startsWith("arn:aws:iam::111111111111:role/ppp")
                .endsWith("…[+" + (2048 - AuditBounds.ARN + ("…[+2048 cut]").length()) + " cut]");
        assertThat(event.userAgent()).hasSize(AuditBounds.USER_AGENT).startsWith("Mozilla/5.0 uuu").contains(" cut]");
        // 10,000 characters need a 5-digit marker, 9,501 removed only 4: the bound is a maximum.
        assertThat(event.detail()).hasSizeLessThanOrEqualTo(AuditBounds.DETAIL).endsWith("…[+9501 cut]");
        assertThat(event.tags()).hasSize(AuditBounds.TAGS + 1).containsEntry(AuditBounds.TAGS_CUT, "+40 tags cut");
        assertThat(event.tags().values()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(128));
    }

    @Test
    void boundedWhenFieldsFitThenUnchanged() {
        var event = new AuditEvent(Instant.parse("2026-11-22T10:00:00Z"), "r1", "AssumeRole",
                AuditEvent.Outcome.SUCCESS, ReasonCode.ISSUED, null, null, "arn:aws:iam::111111111111:user/alice", null,
                null, "arn:aws:iam::111111111111:role/developer", "s", null, 3600, Map.of("team", "a"),
                "ASIAAAAAAAAAAAAAAAAA", "10.0.0.1", "aws-cli/2");

        assertThat(AuditBounds.bounded(event)).isEqualTo(event);
    }

    @Test
    void logLineOfTheLargestPossibleEventStaysUnder8Kilobytes() throws Exception {
        var json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        String line = json.writeValueAsString(AuditBounds.bounded(huge()));

        assertThat(json.writeValueAsString(huge()).length()).isGreaterThan(30_000);
        assertThat(line.length()).isLessThan(8 * 1024);
    }

    @Test
    void fanOutHandsTheSameBoundedEventToTheLogAndTheStore() {
        List<AuditEvent> log = new ArrayList<>();
        List<AuditEvent> store = new ArrayList<>();
        new AuditFanOut(List.of(log::add, store::add)).record(huge());

        assertThat(log).hasSize(1);
        assertThat(log.get(0).roleArn()).hasSize(AuditBounds.ARN);
        assertThat(store).isEqualTo(log);
    }
}
