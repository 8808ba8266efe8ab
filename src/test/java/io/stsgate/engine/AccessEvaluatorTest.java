package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.directory.AccessKey;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.policy.Decision;
import io.stsgate.policy.NamedPolicy;
import io.stsgate.policy.Outcome;
import io.stsgate.policy.PolicyEvaluator;
import io.stsgate.policy.PolicyParser;

/** The decision API's evaluation rules, one test per rule, on a small directory of roles and users. */
class AccessEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ACCOUNT = "111111111111";
    private static final String OTHER = "222222222222";
    private static final String READER = "arn:aws:iam::111111111111:role/reader";
    private static final String TEAM = "arn:aws:iam::111111111111:role/team";
    private static final String NOTHING = "arn:aws:iam::111111111111:role/nothing";
    private static final String CONDITIONS = "arn:aws:iam::111111111111:role/conditions";
    private static final String BOB = "arn:aws:iam::111111111111:user/bob";

    private static final String DIRECTORY = """
            accounts:
              - id: "111111111111"
                name: a
                users:
                  - name: bob
                    policies:
                      inline:
                        read:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Action: "s3:GetObject"
                              Resource: "arn:aws:s3:::data/*"
                roles:
                  - name: reader
                    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "111111111111" }, Action: "sts:AssumeRole" }] }
                    policies:
                      inline:
                        read:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: ReadData
                              Effect: Allow
                              Action: ["s3:GetObject", "s3:PutObject"]
                              Resource: "arn:aws:s3:::data/*"
                            - Sid: NoSecrets
                              Effect: Deny
                              Action: "s3:*"
                              Resource: "arn:aws:s3:::data/secret/*"
                  - name: team
                    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "111111111111" }, Action: "sts:AssumeRole" }] }
                    policies:
                      inline:
                        team:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Action: "s3:GetObject"
                              Resource: "arn:aws:s3:::team-${aws:PrincipalTag/department}/*"
                  - name: nothing
                    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "111111111111" }, Action: "sts:AssumeRole" }] }
                  - name: conditions
                    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "111111111111" }, Action: "sts:AssumeRole" }] }
                    policies:
                      inline:
                        conditions:
                          Version: "2012-10-17"
                          Statement:
                            - Sid: Guarded
                              Effect: Allow
                              Action: "s3:GetObject"
                              Resource: "*"
                              Condition:
                                StringEquals:
                                  aws:PrincipalArn: "arn:aws:iam::111111111111:role/conditions"
                                  aws:PrincipalAccount: "111111111111"
                                  aws:userid: "AROACONDITIONS:s1"
                                  aws:SourceIdentity: "carol"
                                  aws:ViaAWSService: "false"
                                  s3:prefix: "reports/"
                                Bool:
                                  aws:MultiFactorAuthPresent: "true"
                                  aws:SecureTransport: "true"
                                NumericLessThan:
                                  aws:MultiFactorAuthAge: "3600"
                                DateGreaterThan:
                                  aws:TokenIssueTime: "2026-03-01T00:00:00Z"
                                  aws:CurrentTime: "2026-03-01T11:00:00Z"
                                NumericGreaterThan:
                                  aws:EpochTime: "1772000000"
                                IpAddress:
                                  aws:SourceIp: "203.0.113.0/24"
              - id: "222222222222"
                name: b
            """;

    private DirectorySnapshot directory;
    private AccessEvaluator evaluator;

    @BeforeEach
    void setUp() throws Exception {
        directory = DirectoryFileLoader.load("test",
                new ByteArrayInputStream(DIRECTORY.getBytes(StandardCharsets.UTF_8)));
        evaluator = new AccessEvaluator(directory, new PolicyEvaluator(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SessionContext session(SessionKind kind, String sourceArn, String arn, String principalId,
            List<SessionTag> tags, String sessionPolicy, Instant mfaAt, String sourceIdentity) {
        return new SessionContext(kind, "k1", "ASIAAAAAAAAAAAAAAAAA", ACCOUNT, arn, sourceArn, principalId, "s1",
                NOW.minusSeconds(600), NOW.plusSeconds(3000), mfaAt, sourceIdentity, tags, Set.of(), sessionPolicy,
                List.of(), false, null, null, null, null);
    }

    private static Caller role(String roleArn) {
        return role(roleArn, List.of(), null);
    }

    private static Caller role(String roleArn, List<SessionTag> tags, String sessionPolicy) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return new Caller.SessionCaller(session(SessionKind.ASSUMED_ROLE, roleArn,
                "arn:aws:sts::111111111111:assumed-role/" + name + "/s1", "AROA" + name.toUpperCase() + ":s1", tags,
                sessionPolicy, null, null));
    }

    private static RequestInfo info() {
        return new RequestInfo("r1", null, null, false, "us-east-1");
    }

    private Decision decide(Caller caller, String action, String resource) {
        return evaluator.decide(caller, new AccessQuestion(action, resource, null, List.of(), Map.of()), info());
    }

    private Decision decideWithBucketPolicy(Caller caller, String action, String resource, String owner,
            String policy) {
        return evaluator.decide(caller, new AccessQuestion(action, resource, owner,
                List.of(new NamedPolicy("bucket policy", PolicyParser.parse(policy))), Map.of()), info());
    }

    private static String bucketPolicy(String principal) {
        return """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Shared", "Effect": "Allow",
                 "Principal": {"AWS": "%s"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"}]}
                """.formatted(principal);
    }

    @Test
    void anIdentityPolicyAllows() {
        Decision decision = decide(role(READER), "s3:GetObject", "arn:aws:s3:::data/report.csv");

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.deciding()).extracting(Object::toString)
                .containsExactly("inline policy 'read' of role reader/ReadData");
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() {
        Decision decision = decide(role(READER), "s3:GetObject", "arn:aws:s3:::data/secret/keys");

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).extracting(Object::toString)
                .containsExactly("inline policy 'read' of role reader/NoSecrets");
        assertThat(decision.reasons()).anyMatch(r -> r.contains("explicit deny"));
    }

    @Test
    void nothingAllowingIsAnImplicitDeny() {
        Decision decision = decide(role(NOTHING), "s3:GetObject", "arn:aws:s3:::data/report.csv");

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("no identity policy statement allows"));
    }

    @Test
    void aSessionPolicyNarrowsTheRolesPolicies() {
        String readOnly = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "*"}]}""";
        Caller narrowed = role(READER, List.of(), readOnly);

        assertThat(decide(narrowed, "s3:GetObject", "arn:aws:s3:::data/a").outcome()).isEqualTo(Outcome.ALLOW);
        Decision put = decide(narrowed, "s3:PutObject", "arn:aws:s3:::data/a");
        assertThat(put.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(put.reasons()).anyMatch(r -> r.contains("no session policy statement allows"));
        // Without the session policy, the role allows the write.
        assertThat(decide(role(READER), "s3:PutObject", "arn:aws:s3:::data/a").outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aSessionPolicyNeverWidensTheRolesPolicies() {
        String everything = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";

        assertThat(decide(role(NOTHING, List.of(), everything), "s3:GetObject", "arn:aws:s3:::data/a").outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aFederatedUserSessionNeedsItsSessionPolicy() {
        String readData = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::data/*"}]}""";
        Caller without = new Caller.SessionCaller(session(SessionKind.FEDERATED_USER, BOB,
                "arn:aws:sts::111111111111:federated-user/bob-app", "111111111111:bob-app", List.of(), null, null,
                null));
        Caller with = new Caller.SessionCaller(session(SessionKind.FEDERATED_USER, BOB,
                "arn:aws:sts::111111111111:federated-user/bob-app", "111111111111:bob-app", List.of(), readData, null,
                null));

        Decision refused = decide(without, "s3:GetObject", "arn:aws:s3:::data/a");
        assertThat(refused.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(refused.reasons()).first().asString().contains("federated-user session without a session policy");
        assertThat(decide(with, "s3:GetObject", "arn:aws:s3:::data/a").outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aLongTermUserIsJudgedByItsOwnPolicies() {
        var user = directory.user(BOB).orElseThrow();
        Caller bob = new Caller.UserCaller(user, new AccessKey("AKIABOBBOBBOBBOBBOB1", "secret", BOB,
                AccessKey.Status.Active));

        assertThat(decide(bob, "s3:GetObject", "arn:aws:s3:::data/a").outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decide(bob, "s3:PutObject", "arn:aws:s3:::data/a").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aSameAccountResourcePolicyAllowsAlone() {
        Decision decision = decideWithBucketPolicy(role(NOTHING), "s3:GetObject", "arn:aws:s3:::shared/a", ACCOUNT,
                bucketPolicy(NOTHING));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.deciding()).extracting(Object::toString).containsExactly("bucket policy/Shared");
    }

    @Test
    void aCrossAccountRequestNeedsTheResourcePolicyToo() {
        String role = "arn:aws:iam::111111111111:role/reader";
        String everything = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Else", "Effect": "Allow",
                 "Principal": {"AWS": "333333333333"}, "Action": "s3:GetObject", "Resource": "*"}]}""";

        // The identity policy allows data/*, but the bucket belongs to another account whose policy names others.
        Decision refused = decideWithBucketPolicy(role(READER), "s3:GetObject", "arn:aws:s3:::data/a", OTHER,
                everything);
        assertThat(refused.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(refused.reasons()).first().asString().contains("cross-account");

        Decision allowed = decideWithBucketPolicy(role(READER), "s3:GetObject", "arn:aws:s3:::data/a", OTHER, """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Partner", "Effect": "Allow",
                 "Principal": {"AWS": "%s"}, "Action": "s3:GetObject", "Resource": "*"}]}""".formatted(role));
        assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(allowed.deciding()).extracting(Object::toString)
                .containsExactly("inline policy 'read' of role reader/ReadData", "bucket policy/Partner");
    }

    @Test
    void aCrossAccountResourcePolicyAloneDoesNotAllow() {
        Decision decision = decideWithBucketPolicy(role(NOTHING), "s3:GetObject", "arn:aws:s3:::shared/a", OTHER,
                bucketPolicy(NOTHING));

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aResourcePolicyDenyWinsOverTheIdentityPolicy() {
        Decision decision = decideWithBucketPolicy(role(READER), "s3:GetObject", "arn:aws:s3:::data/a", ACCOUNT, """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Block", "Effect": "Deny",
                 "Principal": "*", "Action": "s3:*", "Resource": "*"}]}""");

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).extracting(Object::toString).containsExactly("bucket policy/Block");
    }

    @Test
    void aSessionPolicyLimitsAResourcePolicyThatNamesTheRoleButNotOneThatNamesTheSession() {
        String nothingAllowed = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket",
                 "Resource": "*"}]}""";
        Caller narrowed = role(NOTHING, List.of(), nothingAllowed);

        Decision viaRole = decideWithBucketPolicy(narrowed, "s3:GetObject", "arn:aws:s3:::shared/a", ACCOUNT,
                bucketPolicy(NOTHING));
        Decision viaSession = decideWithBucketPolicy(narrowed, "s3:GetObject", "arn:aws:s3:::shared/a", ACCOUNT,
                bucketPolicy("arn:aws:sts::111111111111:assumed-role/nothing/s1"));

        assertThat(viaRole.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(viaSession.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void principalTagsFillPolicyVariables() {
        Caller engineering = role(TEAM, List.of(new SessionTag("department", "eng")), null);

        assertThat(decide(engineering, "s3:GetObject", "arn:aws:s3:::team-eng/a").outcome()).isEqualTo(Outcome.ALLOW);
        Decision other = decide(engineering, "s3:GetObject", "arn:aws:s3:::team-sales/a");
        assertThat(other.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        // Without the tag, the variable has no value and the statement matches nothing.
        assertThat(decide(role(TEAM), "s3:GetObject", "arn:aws:s3:::team-/a").outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** Every session and request key family at once: the statement applies only when each of them holds. */
    @Test
    void sessionAndRequestConditionKeysReachTheStatement() {
        Caller caller = conditionsCaller(NOW.minusSeconds(60), "carol");

        Decision allowed = evaluator.decide(caller, guardedQuestion("reports/"), guardedInfo("203.0.113.9", true));

        assertThat(allowed.outcome()).as("%s", allowed.reasons()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void eachConditionKeyFamilyCanRefuse() {
        var ok = conditionsCaller(NOW.minusSeconds(60), "carol");
        assertRefusedBy(evaluator.decide(conditionsCaller(null, "carol"), guardedQuestion("reports/"),
                guardedInfo("203.0.113.9", true)), "aws:MultiFactorAuthPresent");
        assertRefusedBy(evaluator.decide(conditionsCaller(NOW.minusSeconds(7200), "carol"),
                guardedQuestion("reports/"), guardedInfo("203.0.113.9", true)), "aws:MultiFactorAuthAge");
        assertRefusedBy(evaluator.decide(conditionsCaller(NOW.minusSeconds(60), "mallory"),
                guardedQuestion("reports/"), guardedInfo("203.0.113.9", true)), "aws:SourceIdentity");
        assertRefusedBy(evaluator.decide(ok, guardedQuestion("reports/"), guardedInfo("198.51.100.1", true)),
                "aws:SourceIp");
        assertRefusedBy(evaluator.decide(ok, guardedQuestion("reports/"), guardedInfo("203.0.113.9", false)),
                "aws:SecureTransport");
        assertRefusedBy(evaluator.decide(ok, guardedQuestion("private/"), guardedInfo("203.0.113.9", true)),
                "s3:prefix");
    }

    @Test
    void theClockKeysComeFromTheInjectedClock() {
        var early = new AccessEvaluator(directory, new PolicyEvaluator(),
                Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

        Decision decision = early.decide(conditionsCaller(Instant.parse("2026-03-01T09:59:00Z"), "carol"),
                guardedQuestion("reports/"), guardedInfo("203.0.113.9", true));

        assertRefusedBy(decision, "aws:CurrentTime");
    }

    @Test
    void aServiceCannotSetTheCallersKeys() {
        var forged = new AccessQuestion("s3:GetObject", "arn:aws:s3:::team-eng/a", null, List.of(),
                Map.of("aws:PrincipalTag/department", List.of("eng")));

        assertThatThrownBy(() -> evaluator.decide(role(TEAM), forged, info())).isInstanceOf(StsException.class)
                .hasMessageContaining("aws:PrincipalTag/department");
        assertThat(AccessEvaluator.serviceKeyProblem("s3:prefix")).isEmpty();
        assertThat(AccessEvaluator.serviceKeyProblem("aws:ResourceTag/owner")).isEmpty();
        assertThat(AccessEvaluator.serviceKeyProblem("aws:SourceIp")).isPresent();
        assertThat(AccessEvaluator.serviceKeyProblem("aws:MultiFactorAuthPresent")).isPresent();
    }

    private static Caller conditionsCaller(Instant mfaAt, String sourceIdentity) {
        return new Caller.SessionCaller(session(SessionKind.ASSUMED_ROLE, CONDITIONS,
                "arn:aws:sts::111111111111:assumed-role/conditions/s1", "AROACONDITIONS:s1", List.of(), null, mfaAt,
                sourceIdentity));
    }

    private static AccessQuestion guardedQuestion(String prefix) {
        return new AccessQuestion("s3:GetObject", "arn:aws:s3:::reports", null, List.of(),
                Map.of("s3:prefix", List.of(prefix)));
    }

    private static RequestInfo guardedInfo(String sourceIp, boolean secure) {
        return new RequestInfo("r1", sourceIp, "test", secure, "us-east-1");
    }

    private static void assertRefusedBy(Decision decision, String key) {
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.reasons()).as("reasons").anyMatch(r -> r.contains(key));
    }
}
