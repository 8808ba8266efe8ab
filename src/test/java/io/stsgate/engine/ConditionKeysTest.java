package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.policy.RequestContext;

/** The global condition keys a signed call carries, for each kind of caller. */
class ConditionKeysTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final RequestInfo INFO = new RequestInfo("r1", "203.0.113.7", "aws-cli/2", true, "us-east-1");

    private DirectorySnapshot directory;
    private ConditionKeys keys;

    @BeforeEach
    void setUp() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            directory = DirectoryFileLoader.load("demo", in);
        }
        keys = new ConditionKeys(directory, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Caller alice() {
        var user = directory.user("arn:aws:iam::111111111111:user/alice").orElseThrow();
        return new Caller.UserCaller(user, directory.accessKey("AKIAIOSFODNN7EXAMPLE").orElseThrow());
    }

    private static List<String> values(RequestContext context, String key) {
        return context.values(key).orElse(List.of());
    }

    @Test
    void forCallerWhenLongTermKeyThenUserKeysAndNoMfaKey() {
        RequestContext context = keys.forCaller(alice(), INFO).build();
        assertThat(values(context, "aws:PrincipalArn")).containsExactly("arn:aws:iam::111111111111:user/alice");
        assertThat(values(context, "aws:PrincipalAccount")).containsExactly("111111111111");
        assertThat(values(context, "aws:PrincipalType")).containsExactly("User");
        assertThat(values(context, "aws:username")).containsExactly("alice");
        assertThat(values(context, "aws:userid")).singleElement().asString().startsWith("AIDA");
        assertThat(values(context, "aws:PrincipalTag/team")).containsExactly("platform");
        assertThat(values(context, "aws:SourceIp")).containsExactly("203.0.113.7");
        assertThat(values(context, "aws:SecureTransport")).containsExactly("true");
        assertThat(values(context, "aws:CurrentTime")).containsExactly("2026-06-01T12:00:00Z");
        assertThat(values(context, "aws:EpochTime")).containsExactly(Long.toString(NOW.getEpochSecond()));
        assertThat(context.values("aws:MultiFactorAuthPresent")).isEmpty();
        assertThat(context.values("aws:TokenIssueTime")).isEmpty();
    }

    @Test
    void forCallerWhenMfaIsPresentedWithTheRequestThenPresentAndAgeZero() {
        RequestContext context = keys.forCaller(alice(), INFO, NOW).build();
        assertThat(values(context, "aws:MultiFactorAuthPresent")).containsExactly("true");
        assertThat(values(context, "aws:MultiFactorAuthAge")).containsExactly("0");
    }

    @Test
    void forCallerWhenRoleSessionThenRoleArnTokenIssueTimeAndSessionTagsOverride() {
        var session = new SessionContext(SessionKind.ASSUMED_ROLE, "k", "ASIAAAAAAAAAAAAAAAAA", "111111111111",
                "arn:aws:sts::111111111111:assumed-role/developer/dev", "arn:aws:iam::111111111111:role/developer",
                "AROAEXAMPLE:dev", "dev", NOW.minusSeconds(600), NOW.plusSeconds(3000), NOW.minusSeconds(300),
                "alice", List.of(new SessionTag("Project", "apollo")), Set.of("Project"), null, List.of(), false,
                null, null);
        RequestContext context = keys.forCaller(new Caller.SessionCaller(session), INFO).build();
        assertThat(values(context, "aws:PrincipalArn")).containsExactly("arn:aws:iam::111111111111:role/developer");
        assertThat(values(context, "aws:PrincipalType")).containsExactly("AssumedRole");
        assertThat(values(context, "aws:userid")).containsExactly("AROAEXAMPLE:dev");
        assertThat(values(context, "aws:TokenIssueTime")).containsExactly("2026-06-01T11:50:00Z");
        assertThat(values(context, "aws:MultiFactorAuthPresent")).containsExactly("true");
        assertThat(values(context, "aws:MultiFactorAuthAge")).containsExactly("300");
        assertThat(values(context, "aws:SourceIdentity")).containsExactly("alice");
        assertThat(values(context, "aws:PrincipalTag/project")).containsExactly("apollo");
    }

    @Test
    void forCallerWhenSessionWithoutMfaThenPresentIsFalse() {
        var session = new SessionContext(SessionKind.USER_SESSION, "k", "ASIAAAAAAAAAAAAAAAAA", "111111111111",
                "arn:aws:iam::111111111111:user/alice", "arn:aws:iam::111111111111:user/alice", "AIDAEXAMPLE", null,
                NOW, NOW.plusSeconds(900), null, null, List.of(), Set.of(), null, List.of(), false, null, null);
        RequestContext context = keys.forCaller(new Caller.SessionCaller(session), INFO).build();
        assertThat(values(context, "aws:MultiFactorAuthPresent")).containsExactly("false");
        assertThat(context.values("aws:MultiFactorAuthAge")).isEmpty();
        assertThat(values(context, "aws:username")).containsExactly("alice");
    }
}
