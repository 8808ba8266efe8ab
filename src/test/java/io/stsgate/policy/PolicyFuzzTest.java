package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Mutates valid documents at random (fixed seed) and checks that the parser only ever answers with a
 * document or a {@link PolicyParseException}: never another exception, never a stack overflow, never a
 * hang. Documents that survive are evaluated too, which must never throw.
 */
class PolicyFuzzTest {

    private static final long SEED = 0x5751_6a7eL;
    private static final int ITERATIONS = 5_000;

    private static final List<String> SEEDS = List.of(
            """
                    {"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:Get*","s3:List*"],
                     "Resource":["arn:aws:s3:::b/${aws:username}/*","arn:aws:s3:::b"],
                     "Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*",""]},"NumericLessThan":{"s3:max-keys":10},
                      "DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},
                      "Bool":{"aws:SecureTransport":true},"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]},
                      "ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111111111111:t*"},"BinaryEquals":{"k:b":"AAEC"},"Null":{"k:n":"false"}}},
                     {"Effect":"Deny","NotAction":"iam:*","NotResource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}""",
            """
                    {"Version":"2012-10-17","Statement":{"Sid":"Trust","Effect":"Allow",
                     "Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.example.com","AWS":["111111111111","*"]},
                     "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
                     "Condition":{"StringEquals":{"idp.example.com:aud":"app","idp.example.com:sub":"${aws:PrincipalTag/x, 'd'}"},
                      "ForAnyValue:StringLike":{"idp.example.com:amr":"auth*"}}}}""",
            """
                    {"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111111111111:role/r"},"Action":"*"}]}""");

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Test
    void whenDocumentsAreMutatedThenParsingFailsOnlyWithParseErrors() {
        Random random = new Random(SEED);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                String seed = SEEDS.get(random.nextInt(SEEDS.size()));
                String mutated = mutate(seed, random);
                outcomes[parseAndEvaluate(mutated)]++;
            }
        });
        // Both branches must have been exercised, or the mutations are too weak or too strong.
        assertThat(outcomes[0]).isGreaterThan(ITERATIONS / 100);
        assertThat(outcomes[1]).isGreaterThan(ITERATIONS / 100);
    }

    @Test
    void whenInputIsHugeOrDeepThenParsingFailsQuickly() {
        List<String> hostile = List.of("[".repeat(200_000), "{\"a\":".repeat(100_000), "\"" + "\\u0041".repeat(30_000) + "\"",
                "{\"Statement\":[" + "{},".repeat(40_000) + "{}]}", "9".repeat(131_072),
                "{\"Id\":\"" + "x".repeat(131_000) + "\"}", "{\"Id\":\"" + "x".repeat(200_000) + "\"}",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::" + "*a".repeat(60_000)
                        + "\"}}");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String text : hostile) {
                parseAndEvaluate(text);
            }
        });
    }

    /** 0 when the parser rejected the text, 1 when it accepted it (and evaluation then completed). */
    private int parseAndEvaluate(String text) {
        PolicyDocument document;
        try {
            document = PolicyParser.parse(text);
        } catch (PolicyParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return 0;
        } catch (Throwable unexpected) {
            fail("parser threw " + unexpected + " for input: " + abbreviate(text), unexpected);
            return -1;
        }
        RequestContext context = RequestContext.builder().put("aws:username", "alice").put("s3:prefix", "home/alice/x")
                .put("s3:max-keys", "5").put("aws:CurrentTime", "2024-01-01T00:00:00Z").put("aws:SourceIp", "10.1.2.3")
                .put("aws:SecureTransport", "true").putAll("aws:TagKeys", List.of("a")).build();
        RequestPrincipal principal = new RequestPrincipal("AWS", "arn:aws:iam::111111111111:user/alice", "111111111111", null);
        AuthorizationRequest request = new AuthorizationRequest(principal, "s3:GetObject", "arn:aws:s3:::b/alice/k", context);
        NamedPolicy policy = new NamedPolicy("fuzz", document);
        assertThat(evaluator.evaluate(List.of(policy), request)).isNotNull();
        assertThat(evaluator.evaluateTrust(policy, request)).isNotNull();
        return 1;
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && out.length() > 0; m++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(9)) {
                case 0 -> out.setCharAt(at, (char) (out.charAt(at) ^ (1 << random.nextInt(8))));
                case 1 -> out.deleteCharAt(at);
                case 2 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
                case 3 -> {
                    int end = Math.min(out.length(), at + 1 + random.nextInt(40));
                    out.insert(at, out.substring(at, end));
                }
                case 4 -> out.insert(at, "[".repeat(random.nextInt(40)) + "]".repeat(random.nextInt(40)));
                case 5 -> out.insert(at, "x".repeat(random.nextInt(5_000)));
                case 6 -> out.setCharAt(at, "{}[]\":,\\*?$'0-eE.tfn \u00ff\u0100\u0000".charAt(random.nextInt(24)));
                case 7 ->
                    out.insert(at, "${" + (random.nextBoolean() ? "aws:username" : "") + (random.nextBoolean() ? "}" : ""));
                default -> out.insert(at, "{\"a\":".repeat(random.nextInt(30)));
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
