package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.stsgate.audit.AuditDraft;
import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.policy.PolicyEvaluator;

/**
 * Issuance and explain run one list of federated checks: for both proof kinds and each refusal, explain's first failed
 * check is the exception issuance throws (same check, AWS code, reason and detail), and explain goes on where issuance
 * stops.
 */
class FederatedChecksTest {

    private static final String ACCOUNT = "111122223333";
    private static final String WEB_PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/idp.example.com";
    private static final String SAML_PROVIDER = "arn:aws:iam::" + ACCOUNT + ":saml-provider/corp";
    private static final String OPEN = "arn:aws:iam::" + ACCOUNT + ":role/open";
    private static final String NO_TAGS = "arn:aws:iam::" + ACCOUNT + ":role/no-tags";
    private static final String OTHER_IDP = "arn:aws:iam::" + ACCOUNT + ":role/other-idp";
    private static final RequestInfo INFO = new RequestInfo("r1", "203.0.113.7", "aws-cli/2", true, null);
    private static final String ACTIONS = "[\"sts:AssumeRoleWithWebIdentity\", \"sts:AssumeRoleWithSAML\"]";

    private final FederatedChecks checks = checks();

    private static FederatedChecks checks() {
        String yaml = """
                accounts:
                  - id: "%1$s"
                    roles:
                      - name: open
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: ["%2$s", "%3$s"] }
                              Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML", "sts:TagSession",
                                       "sts:SetSourceIdentity"]
                      - name: no-tags
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: ["%2$s", "%3$s"] }
                              Action: %4$s
                      - name: other-idp
                        trustPolicy:
                          Version: "2012-10-17"
                          Statement:
                            - Effect: Allow
                              Principal: { Federated: "arn:aws:iam::%1$s:oidc-provider/other.example.com" }
                              Action: %4$s
                """.formatted(ACCOUNT, WEB_PROVIDER, SAML_PROVIDER, ACTIONS);
        try {
            var directory = DirectoryFileLoader.load("federated-checks",
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
            var clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
            return new FederatedChecks(directory, new PolicyEvaluator(), new SessionPolicies(directory),
                    new ConditionKeys(directory, clock));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FederatedPrincipal principal(FederationKind kind, List<SessionTag> tags, String sourceIdentity) {
        String provider = kind == FederationKind.SAML ? SAML_PROVIDER : WEB_PROVIDER;
        return new FederatedPrincipal(kind, provider, "https://idp.example.com", "alice", "app",
                Map.of("idp.example.com:sub", List.of("alice")), tags, List.of(), sourceIdentity, null);
    }

    private static FederatedPrincipal principal(FederationKind kind) {
        return principal(kind, List.of(), null);
    }

    private static FederatedAssumeCommand command(String roleArn, Integer duration, String policy) {
        return new FederatedAssumeCommand(roleArn, "alice", duration, policy, List.of());
    }

    /** Issuance's refusal equals explain's first failed check, which is {@code check}. */
    private TrustExplanation assertAgree(FederatedPrincipal principal, FederatedAssumeCommand command, String check,
            ReasonCode reason) {
        var issuance = catchRefusal(principal, command);
        var explaining = new CheckMode.Explaining();
        assertThat(checks.run(principal, List.of(), command, INFO, new AuditDraft("r2", null, null), explaining))
                .isNull();
        var explanation = explaining.explanation();
        var failed = explanation.checks().stream().filter(CheckResult::failed).findFirst().orElseThrow();

        assertThat(issuance.reason()).isEqualTo(reason);
        assertThat(failed.name()).isEqualTo(check);
        assertThat(failed.errorCode()).isEqualTo(issuance.code().wireCode());
        assertThat(failed.reason()).isEqualTo(issuance.reason());
        assertThat(failed.message()).isEqualTo(issuance.detail());
        return explanation;
    }

    private StsException catchRefusal(FederatedPrincipal principal, FederatedAssumeCommand command) {
        var thrown = catchThrowable(() -> checks.run(principal, List.of(), command,
                INFO, new AuditDraft("r1", null, null), CheckMode.ISSUE));
        assertThat(thrown).isInstanceOf(StsException.class);
        return (StsException) thrown;
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void aMissingRole(FederationKind kind) {
        var explanation = assertAgree(principal(kind), command("arn:aws:iam::" + ACCOUNT + ":role/missing", null,
                null), CheckResult.ROLE_EXISTS, ReasonCode.ROLE_NOT_FOUND);
        assertThat(explanation.checks()).filteredOn(c -> c.name().equals(CheckResult.TRUST_POLICY))
                .singleElement().extracting(CheckResult::status).isEqualTo(CheckResult.Status.SKIPPED);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void aRoleOfAnotherAccountIsRefusedBeforeTheRoleIsLookedUp(FederationKind kind) {
        var explanation = assertAgree(principal(kind), command("arn:aws:iam::999999999999:role/open", null, null),
                CheckResult.PROVIDER_ACCOUNT, ReasonCode.PROVIDER_NOT_IN_ROLE_ACCOUNT);
        assertThat(explanation.checks().get(0).name()).isEqualTo(CheckResult.PROVIDER_ACCOUNT);
        assertThat(explanation.checks().get(1)).extracting(CheckResult::name, CheckResult::status)
                .containsExactly(CheckResult.ROLE_EXISTS, CheckResult.Status.FAILED);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void aTrustPolicyThatDenies(FederationKind kind) {
        var explanation = assertAgree(principal(kind), command(OTHER_IDP, null, null), CheckResult.TRUST_POLICY,
                ReasonCode.TRUST_POLICY_DENIED);
        assertThat(explanation.trust()).singleElement().extracting(TrustExplanation.ActionTrust::action)
                .isEqualTo(kind.iamAction());
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void sessionTagsTheTrustPolicyDoesNotAllow(FederationKind kind) {
        assertAgree(principal(kind, List.of(new SessionTag("team", "ops")), null), command(NO_TAGS, null, null),
                CheckResult.TAG_SESSION_PERMISSION, ReasonCode.TRUST_POLICY_DENIED);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void aSourceIdentityTheTrustPolicyDoesNotAllow(FederationKind kind) {
        assertAgree(principal(kind, List.of(), "alice"), command(NO_TAGS, null, null),
                CheckResult.SOURCE_IDENTITY_PERMISSION, ReasonCode.TRUST_POLICY_DENIED);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void aDurationOverTheRolesMaximum(FederationKind kind) {
        assertAgree(principal(kind), command(OPEN, 7200, null), CheckResult.DURATION,
                ReasonCode.DURATION_EXCEEDS_ROLE_MAXIMUM);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void aMalformedSessionPolicy(FederationKind kind) {
        assertAgree(principal(kind), command(OPEN, null, "{not a policy"), CheckResult.SESSION_POLICIES,
                ReasonCode.MALFORMED_POLICY);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void explainReportsEveryRefusalWhereIssuanceStopsAtTheFirst(FederationKind kind) {
        var explanation = assertAgree(principal(kind), command(OTHER_IDP, 7200, "{not a policy"),
                CheckResult.TRUST_POLICY, ReasonCode.TRUST_POLICY_DENIED);
        assertThat(explanation.checks()).filteredOn(CheckResult::failed).extracting(CheckResult::name)
                .containsExactly(CheckResult.TRUST_POLICY, CheckResult.DURATION, CheckResult.SESSION_POLICIES);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void whenEveryCheckPassesBothModesAgreeOnTheSession(FederationKind kind) {
        var principal = principal(kind, List.of(new SessionTag("team", "ops")), "alice");
        var passed = checks.run(principal, List.of(), command(OPEN, 900, null), INFO,
                new AuditDraft("r1", null, null), CheckMode.ISSUE);
        assertThat(passed.duration()).isEqualTo(900);
        assertThat(passed.role().arn()).isEqualTo(OPEN);

        var explaining = new CheckMode.Explaining();
        assertThat(checks.run(principal, List.of(), command(OPEN, 900, null), INFO, new AuditDraft("r2", null, null),
                explaining)).isNotNull();
        assertThat(explaining.explanation().checks()).extracting(CheckResult::name).containsExactly(
                CheckResult.PROVIDER_ACCOUNT, CheckResult.ROLE_EXISTS, CheckResult.SESSION_TAGS,
                CheckResult.TRUST_POLICY, CheckResult.TAG_SESSION_PERMISSION, CheckResult.SOURCE_IDENTITY_PERMISSION,
                CheckResult.DURATION, CheckResult.SESSION_POLICIES);
        assertThat(explaining.explanation().checks()).allSatisfy(
                c -> assertThat(c.status()).isEqualTo(CheckResult.Status.PASSED));
        assertThat(explaining.explanation().trust()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(FederationKind.class)
    void issuanceAuditsTheTagsAndTheDurationItDecided(FederationKind kind) {
        var audit = new AuditDraft("r1", null, null);
        checks.run(principal(kind, List.of(new SessionTag("team", "ops")), null), List.of(), command(OPEN, 900, null),
                INFO, audit, CheckMode.ISSUE);
        var event = audit.success(Instant.EPOCH, ReasonCode.ISSUED);
        assertThat(event.tags()).containsEntry("team", "ops");
        assertThat(event.durationSeconds()).isEqualTo(900);

        var refused = new AuditDraft("r3", null, null);
        assertThatThrownBy(() -> checks.run(principal(kind), List.of(), command(OPEN, 7200, null), INFO, refused,
                CheckMode.ISSUE)).isInstanceOf(StsException.class);
        assertThat(refused.failure(Instant.EPOCH, ReasonCode.DURATION_EXCEEDS_ROLE_MAXIMUM, "ValidationError", "")
                .durationSeconds()).as("a refused duration is not audited").isNull();
    }
}
