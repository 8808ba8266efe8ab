package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionCodecTest {

    @Test
    void encodeThenDecodeGivesTheSameSession() {
        var session = TestSessions.roleSession(Instant.parse("2026-01-01T00:00:00Z"), 3600);
        assertThat(SessionCodec.decode(SessionCodec.encode(session))).contains(session);
    }

    @Test
    void encodeThenDecodeKeepsNullsAndEmptyLists() {
        var session = new SessionContext(SessionKind.USER_SESSION, "k1", "ASIAAAAAAAAAAAAAAAAA", "111111111111",
                "arn:aws:iam::111111111111:user/alice", "arn:aws:iam::111111111111:user/alice", "AIDAEXAMPLE", null,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), null, null, List.of(),
                Set.of(), null, List.of(), false, "arn:aws:iam::111111111111:oidc-provider/idp.example.com",
                "subject-1");
        assertThat(SessionCodec.decode(SessionCodec.encode(session))).contains(session);
    }

    @Test
    void encodeThenDecodeKeepsTheSourceUniqueId() {
        var session = TestSessions.of(SessionKind.FEDERATED_USER, "arn:aws:iam::111111111111:user/alice",
                "111111111111:fed", "AIDAABCDEFGHIJKLMNOPQ");

        var decoded = SessionCodec.decode(SessionCodec.encode(session)).orElseThrow();

        assertThat(decoded).isEqualTo(session);
        assertThat(decoded.sourceUniqueId()).isEqualTo("AIDAABCDEFGHIJKLMNOPQ");
    }

    @Test
    void aVersion2TokenStillDecodesAndItsPrincipalIdNamesTheRoleId() {
        var session = TestSessions.roleSession(Instant.parse("2026-01-01T00:00:00Z"), 3600);
        byte[] v3 = SessionCodec.encode(session);
        // Version 2 ends before the source id, which this session leaves out (one "absent" byte).
        byte[] v2 = Arrays.copyOf(v3, v3.length - 1);
        v2[0] = 2;

        var decoded = SessionCodec.decode(v2).orElseThrow();

        assertThat(decoded.sourceId()).isNull();
        assertThat(decoded.sourceUniqueId()).isEqualTo("AROAEXAMPLEEXAMPLE1");
    }

    @Test
    void decodeWhenVersionIsUnknownThenEmpty() {
        byte[] bytes = SessionCodec.encode(TestSessions.roleSession(Instant.EPOCH, 900));
        bytes[0] = 9;
        assertThat(SessionCodec.decode(bytes)).isEmpty();
    }

    @Test
    void decodeWhenTruncatedOrExtendedThenEmpty() {
        byte[] bytes = SessionCodec.encode(TestSessions.roleSession(Instant.EPOCH, 900));
        for (int length = 0; length < bytes.length; length++) {
            assertThat(SessionCodec.decode(Arrays.copyOf(bytes, length))).isEmpty();
        }
        assertThat(SessionCodec.decode(Arrays.copyOf(bytes, bytes.length + 1))).isEmpty();
    }
}
