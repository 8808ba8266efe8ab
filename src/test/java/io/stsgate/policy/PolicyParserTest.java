package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String S3_READ = """
            {
              "Version": "2012-10-17",
              "Id": "S3Read",
              "Statement": [
                {
                  "Sid": "Read",
                  "Effect": "Allow",
                  "Action": ["s3:GetObject", "s3:ListBucket"],
                  "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                  "Condition": {
                    "StringLike": {"s3:prefix": ["home/*", ""]},
                    "NumericLessThanEquals": {"s3:max-keys": 10},
                    "Bool": {"aws:SecureTransport": true}
                  }
                },
                {"Effect": "Deny", "NotAction": "s3:Get*", "NotResource": "arn:aws:s3:::b/*"}
              ]
            }
            """;

    @Test
    void whenTheDocumentIsValidThenTheModelReflectsIt() {
        PolicyDocument document = PolicyParser.parseIdentityPolicy(S3_READ);
        assertThat(document.version()).isEqualTo("2012-10-17");
        assertThat(document.id()).isEqualTo("S3Read");
        assertThat(document.variablesEnabled()).isTrue();
        assertThat(document.statements()).hasSize(2);

        Statement read = document.statements().get(0);
        assertThat(read.sid()).isEqualTo("Read");
        assertThat(read.label()).isEqualTo("Read");
        assertThat(read.effect()).isEqualTo(Effect.ALLOW);
        assertThat(read.principal()).isNull();
        assertThat(read.action().negated()).isFalse();
        assertThat(read.action().patterns()).extracting(ActionPattern::text).containsExactly("s3:GetObject", "s3:ListBucket");
        assertThat(read.resource().patterns()).extracting(ResourcePattern::text).containsExactly("arn:aws:s3:::b",
                "arn:aws:s3:::b/*");
        assertThat(read.condition().clauses()).extracting(ConditionClause::operatorText)
                .containsExactly("StringLike", "NumericLessThanEquals", "Bool");
        assertThat(read.condition().clauses().get(1).values()).containsExactly("10");
        assertThat(read.condition().clauses().get(2).values()).containsExactly("true");

        Statement deny = document.statements().get(1);
        assertThat(deny.sid()).isNull();
        assertThat(deny.label()).isEqualTo("#1");
        assertThat(deny.action().negated()).isTrue();
        assertThat(deny.resource().negated()).isTrue();
        assertThat(deny.condition()).isEqualTo(ConditionBlock.NONE);
    }

    @Test
    void whenStatementIsASingleObjectThenItIsOneStatement() {
        PolicyDocument document = PolicyParser
                .parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        assertThat(document.statements()).hasSize(1);
        assertThat(document.version()).isNull();
        assertThat(document.variablesEnabled()).isFalse();
    }

    @Test
    void whenVersionIs2008ThenVariablesAreLiteral() {
        PolicyDocument document = PolicyParser.parse(
                "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::${x\"}}");
        assertThat(document.variablesEnabled()).isFalse();
        assertThat(document.statements().get(0).resource().patterns().get(0).text()).isEqualTo("arn:aws:s3:::${x");
    }

    @Test
    void whenParsingATrustPolicyThenPrincipalsAreRead() {
        PolicyDocument document = PolicyParser.parseTrustPolicy("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":{"AWS":["111111111111","arn:aws:iam::222222222222:role/r"],
                    "Federated":"arn:aws:iam::111111111111:oidc-provider/idp.example.com","Service":"ec2.amazonaws.com",
                    "CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                   "Action":"sts:AssumeRole"},
                  {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}
                ]}""");
        PrincipalSpec principal = document.statements().get(0).principal();
        assertThat(principal.negated()).isFalse();
        assertThat(principal.anyone()).isFalse();
        assertThat(principal.values()).containsOnlyKeys("AWS", "Federated", "Service", "CanonicalUser");
        assertThat(principal.values().get("AWS")).containsExactly("111111111111", "arn:aws:iam::222222222222:role/r");
        assertThat(document.statements().get(1).principal().anyone()).isTrue();
    }

    @Test
    void whenAResourcePolicyDeniesWithNotPrincipalThenItIsRead() {
        PolicyDocument document = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":"*","Action":"s3:*"}]}""");
        assertThat(document.statements().get(0).principal().negated()).isTrue();
        assertThat(document.statements().get(0).principal().anyone()).isTrue();
    }

    @Test
    void whenATrustPolicyUsesNotPrincipalThenItIsRefusedWhateverTheEffect() {
        for (String effect : List.of("Allow", "Deny")) {
            String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Others\",\"Effect\":\"" + effect
                    + "\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}]}";
            assertThatThrownBy(() -> PolicyParser.parseTrustPolicy(json)).isInstanceOf(PolicyParseException.class)
                    .hasMessageStartingWith("Statement 'Others' (index 0): element 'NotPrincipal' is not allowed in a "
                            + "role trust policy");
        }
    }

    @Test
    void whenAnyPolicyAllowsWithNotPrincipalThenItIsRefused() {
        assertThatThrownBy(() -> PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"111111111111"},
                  "Action":"s3:*","Resource":"*"}]}""")).isInstanceOf(PolicyParseException.class)
                .hasMessage("Statement (index 0): element 'NotPrincipal' is allowed only with \"Effect\": \"Deny\"");
    }

    @Test
    void whenAnyKindIsParsedThenPrincipalAndMissingResourceAreAccepted() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\"}}";
        assertThat(PolicyParser.parse(json).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyParser.parseIdentityPolicy(json)).isInstanceOf(PolicyParseException.class)
                .hasMessage("Statement (index 0): element 'Principal' is not allowed in an identity or session policy");
        assertThat(PolicyParser.parseTrustPolicy(json).statements()).hasSize(1);
    }

    @Test
    void whenTheDocumentIsTooLongThenItIsRejectedBeforeParsing() {
        String huge = "{\"Id\":\"" + "x".repeat(PolicyLimits.DEFAULT.maxChars()) + "\"}";
        assertThatThrownBy(() -> PolicyParser.parse(huge)).isInstanceOf(PolicyParseException.class)
                .hasMessage("Policy document is longer than 131072 characters");
    }

    @Test
    void whenLimitsAreGivenThenTheyApply() {
        PolicyLimits small = new PolicyLimits(100, 1, 8);
        String two = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"*\"}]}";
        assertThatThrownBy(() -> PolicyParser.parse(two, PolicyKind.ANY, small))
                .hasMessage("Policy has more than 1 statements");
        assertThatThrownBy(() -> PolicyParser.parse(" ".repeat(101), PolicyKind.ANY, small))
                .hasMessage("Policy document is longer than 100 characters");
        assertThatThrownBy(() -> new PolicyLimits(0, 1, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenThereAreTooManyStatementsThenParsingFails() {
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";
        String json = "{\"Statement\":[" + String.join(",", java.util.Collections.nCopies(513, statement)) + "]}";
        assertThatThrownBy(() -> PolicyParser.parse(json)).hasMessage("Policy has more than 512 statements");
        String fine = "{\"Statement\":[" + String.join(",", java.util.Collections.nCopies(512, statement)) + "]}";
        assertThat(PolicyParser.parse(fine).statements()).hasSize(512);
    }

    @Test
    void whenTheDocumentIsNullThenTheMessageSaysSo() {
        assertThatThrownBy(() -> PolicyParser.parse(null)).hasMessage("Policy document is missing");
    }

    @Test
    void echoedPolicyTextIsShortened() {
        String longAction = "x".repeat(500);
        assertThatThrownBy(() -> PolicyParser.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + longAction + "\",\"Resource\":\"*\"}}"))
                .hasMessageContaining("x".repeat(64) + "...")
                .hasMessageNotContaining("x".repeat(65));
    }

    @Test
    void conditionValuesAreNormalisedToStrings() {
        PolicyDocument document = PolicyParser.parse("""
                {"Statement":{"Effect":"Allow","Action":"*","Resource":"*",
                 "Condition":{"StringEquals":{"k:a":[1, 2.50, true, false, "x"]}}}}""");
        assertThat(document.statements().get(0).condition().clauses().get(0).values())
                .isEqualTo(List.of("1", "2.50", "true", "false", "x"));
    }

    @Test
    void actionPatternsMatchIgnoringCaseOnBothSides() {
        assertThat(ActionPattern.parse("S3:Get*").value().matches("s3:getobject")).isTrue();
        assertThat(ActionPattern.parse("s3:getobject").value().matches("S3:GETOBJECT")).isTrue();
        assertThat(ActionPattern.parse("s3:Get?bject").value().matches("s3:PutObject")).isFalse();
    }

    @Test
    void validActionForms() {
        for (String action : List.of("*", "s3:*", "iam:*AccessKey*", "ec2:Describe?", "execute-api:Invoke", "sts:AssumeRole")) {
            assertThat(ActionPattern.parse(action).failed()).as(action).isFalse();
        }
        for (String action : List.of("", "s3", "s3:", ":Get", "s3:Get Object", "s3*:Get", "s3:Get:Object")) {
            assertThat(ActionPattern.parse(action).failed()).as(action).isTrue();
        }
    }
}
