package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final String ROLE = "arn:aws:iam::222222222222:role/partner";
    private static final String SECRET = "s3cr3t-external-id-value";
    private static final RequestPrincipal PARTNER = new RequestPrincipal("AWS", "arn:aws:iam::111111111111:user/ops",
            "111111111111", null);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private static NamedPolicy trust() {
        return new NamedPolicy("trust policy of " + ROLE, PolicyParser.parseTrustPolicy("""
                {"Version":"2012-10-17","Statement":[{
                  "Sid":"AllowPartner","Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole",
                  "Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}""".formatted(SECRET)));
    }

    private static NamedPolicy identity(String name, String statements) {
        return new NamedPolicy(name, PolicyParser.parseIdentityPolicy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}"));
    }

    private static AuthorizationRequest assume(RequestContext context) {
        return new AuthorizationRequest(PARTNER, "sts:AssumeRole", ROLE, context);
    }

    @Test
    void whenTheExternalIdIsWrongThenTheReasonNamesKeyAndOperatorButNoValue() {
        String guess = "wrong-guess-value";
        Decision decision = evaluator.evaluateTrust(trust(),
                assume(RequestContext.builder().put("sts:ExternalId", guess).build()));
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.deciding()).isEmpty();
        assertThat(decision.reasons()).contains(
                "trust statement 'AllowPartner': condition StringEquals on sts:ExternalId did not match (request value present)");
        assertThat(String.join("\n", decision.reasons())).doesNotContain(guess).doesNotContain(SECRET);
    }

    private static NamedPolicy teamSessionTrust() {
        return new NamedPolicy("trust policy of " + ROLE, PolicyParser.parseTrustPolicy("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Account","Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"},
                  {"Sid":"TeamSession","Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
                   "Condition":{"StringNotEquals":{"sts:RoleSessionName":"${aws:PrincipalTag/team}"}}}]}"""));
    }

    @Test
    void whenADenyFiresOnAVariableWithoutAValueThenExplainNamesTheVariable() {
        var request = assume(RequestContext.builder().put("sts:RoleSessionName", "anything").build());
        List<StatementVerdict> verdicts = evaluator.explainTrust(teamSessionTrust(), request);
        assertThat(verdicts).extracting(StatementVerdict::applicability).containsExactly(
                StatementVerdict.Applicability.APPLIES, StatementVerdict.Applicability.APPLIES);
        assertThat(verdicts.get(0).nullVariables()).isNull();
        assertThat(verdicts.get(1).nullVariables()).isEqualTo("condition StringNotEquals on sts:RoleSessionName "
                + "matched because policy variable ${aws:PrincipalTag/team} has no value (an inverted operator matches "
                + "the null value)");
    }

    @Test
    void whenADenyFiresOnAVariableWithAValueThenNothingIsSaidOfNullValues() {
        var request = assume(RequestContext.builder().put("sts:RoleSessionName", "anything")
                .put("aws:PrincipalTag/team", "red").build());
        Decision decision = evaluator.evaluateTrust(teamSessionTrust(), request);
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.reasons()).containsExactly("trust statement 'TeamSession': explicit deny");
        assertThat(evaluator.explainTrust(teamSessionTrust(), request).get(1).nullVariables()).isNull();
    }

    @Test
    void whenTheExternalIdIsRightThenTheStatementDecides() {
        Decision decision = evaluator.evaluateTrust(trust(),
                assume(RequestContext.builder().put("STS:externalid", SECRET).build()));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.deciding()).containsExactly(new StatementRef("trust policy of " + ROLE, "AllowPartner"));
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void whenTrustIsEvaluatedWithoutPrincipalThenItDenies() {
        Decision decision = evaluator.evaluateTrust(trust(), new AuthorizationRequest(null, "sts:AssumeRole", ROLE, null));
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.reasons()).containsExactly("evaluation error: a trust policy needs the request principal");
    }

    @Test
    void whenTheRequestHasNoActionThenEvaluationDenies() {
        Decision decision = evaluator.evaluate(
                List.of(identity("p", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")),
                new AuthorizationRequest(null, null, "arn:aws:s3:::b", null));
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void whenAConditionErrsThenTheReasonSaysWhatWasExpectedButNotTheValue() {
        NamedPolicy policy = identity("inline policy 'p1'",
                "{\"Sid\":\"Recent\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"DateGreaterThan\":{\"aws:TokenIssueTime\":\"2024-01-01\"}}}");
        Decision decision = evaluator.evaluate(List.of(policy),
                new AuthorizationRequest(null, "s3:GetObject", "arn:aws:s3:::b/k",
                        RequestContext.builder().put("aws:TokenIssueTime", "not-a-date-" + SECRET).build()));
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).containsExactly(new StatementRef("inline policy 'p1'", "Recent"));
        assertThat(decision.reasons()).containsExactly("identity statement 'Recent' of inline policy 'p1': evaluation error: "
                + "condition DateGreaterThan on aws:TokenIssueTime could not be evaluated (request value is not a date)");
        assertThat(decision.reasons().get(0)).doesNotContain(SECRET);
    }

    @Test
    void whenManyStatementsMissThenTheExplanationIsBounded() {
        StringBuilder statements = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            statements.append(i == 0 ? "" : ",").append("{\"Effect\":\"Allow\",\"Action\":\"ec2:Op").append(i)
                    .append("\",\"Resource\":\"*\"}");
        }
        Decision decision = evaluator.evaluate(List.of(identity("p", statements.toString())),
                new AuthorizationRequest(null, "s3:GetObject", "arn:aws:s3:::b/k", null));
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.reasons()).hasSize(1 + 20 + 1);
        assertThat(decision.reasons().get(21)).isEqualTo("... and 30 more identity statements that do not apply");
    }

    @Test
    void whenSessionPoliciesAreEmptyThenIdentityAloneDecides() {
        NamedPolicy id = identity("id", "{\"Sid\":\"S3\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        AuthorizationRequest request = new AuthorizationRequest(null, "s3:GetObject", "arn:aws:s3:::b/k", null);
        assertThat(evaluator.evaluateSession(List.of(id), List.of(), request).allowed()).isTrue();
        NamedPolicy session = identity("session policy",
                "{\"Sid\":\"Ec2\",\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}");
        Decision narrowed = evaluator.evaluateSession(List.of(id), List.of(session), request);
        assertThat(narrowed.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(narrowed.reasons()).contains("no session policy statement allows s3:GetObject on arn:aws:s3:::b/k",
                "session statement 'Ec2' of session policy: action s3:GetObject is not matched by Action");
    }

    @Test
    void whenAPrincipalAppearsInAnIdentityPolicyThenEvaluationDenies() {
        NamedPolicy policy = new NamedPolicy("p", PolicyParser.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
        Decision decision = evaluator.evaluate(List.of(policy),
                new AuthorizationRequest(null, "s3:GetObject", "arn:aws:s3:::b", null));
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).containsExactly(new StatementRef("p", "#0"));
    }

    @Test
    void requestContextIsCaseInsensitiveImmutableAndDiscreet() {
        RequestContext context = RequestContext.builder().put("aws:PrincipalTag/Team", "blue")
                .put("AWS:principaltag/team", "red")
                .putAll("aws:TagKeys", List.of("a", "b")).build();
        assertThat(context.values("aws:principaltag/team")).contains(List.of("blue", "red"));
        assertThat(context.values("AWS:TAGKEYS")).contains(List.of("a", "b"));
        assertThat(context.values("missing")).isEmpty();
        assertThat(context.keys()).containsExactly("aws:principaltag/team", "aws:tagkeys");
        assertThat(context.toString()).doesNotContain("blue");
        assertThat(RequestContext.empty().keys()).isEmpty();
    }

    @Test
    void principalsOfTheNamedAccountMatchByAccount() {
        PolicyDocument document = PolicyParser.parseTrustPolicy(
                """
                        {"Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root"]},"Action":"sts:AssumeRole"}}""");
        PrincipalSpec spec = document.statements().get(0).principal();
        assertThat(spec.names(PARTNER)).isTrue();
        assertThat(spec.names(new RequestPrincipal("AWS", "arn:aws:iam::333333333333:user/x", "333333333333", List.of())))
                .isFalse();
        assertThat(spec.names(new RequestPrincipal("Federated", "arn:aws:iam::111111111111:root", null, List.of()))).isFalse();
    }
}
