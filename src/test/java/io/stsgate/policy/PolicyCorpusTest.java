package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/**
 * Runs the JSON cases under {@code policy-corpus/}: evaluation cases (policies, request, expected
 * decision, deciding statements, reason fragments) and malformed-policy cases (expected message).
 */
class PolicyCorpusTest {

    private static final JsonReader.Options CORPUS = new JsonReader.Options(64, false, true);
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException, URISyntaxException {
        List<DynamicNode> files = new ArrayList<>();
        for (Path file : corpusFiles()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonValue value : cases(file)) {
                JsonObject testCase = (JsonObject) value;
                tests.add(DynamicTest.dynamicTest(text(testCase, "name"), () -> run(testCase)));
            }
            files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return files.stream();
    }

    @Test
    void corpusHoldsAtLeast150Cases() throws IOException, URISyntaxException {
        int count = 0;
        for (Path file : corpusFiles()) {
            count += cases(file).size();
        }
        assertThat(count).isGreaterThanOrEqualTo(150);
    }

    @Test
    void caseNamesAreUnique() throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        for (Path file : corpusFiles()) {
            for (JsonValue value : cases(file)) {
                names.add(file.getFileName() + ": " + text((JsonObject) value, "name"));
            }
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    /** The cases that trace AWS's rules on absent keys, variables without a value and qualifiers each cite them. */
    @Test
    void awsRuleCasesCiteThePageAndSentenceTheyFollow() throws IOException, URISyntaxException {
        Path file = corpusFiles().stream().filter(p -> p.getFileName().toString().equals(AWS_RULES)).findFirst()
                .orElseThrow();
        for (JsonValue value : cases(file)) {
            JsonObject testCase = (JsonObject) value;
            JsonObject cite = (JsonObject) testCase.members().get("cite");
            assertThat(cite).as("cite of %s", text(testCase, "name")).isNotNull();
            assertThat(text(cite, "page")).startsWith("https://docs.aws.amazon.com/IAM/latest/UserGuide/");
            assertThat(text(cite, "says")).isNotBlank();
        }
    }

    private static final String AWS_RULES = "absence-and-null.json";

    private static List<Path> corpusFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(PolicyCorpusTest.class.getResource("/policy-corpus")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    private static List<JsonValue> cases(Path file) throws IOException {
        return ((JsonArray) JsonReader.read(Files.readString(file), CORPUS)).elements();
    }

    private void run(JsonObject testCase) {
        if (testCase.members().containsKey("error")) {
            runMalformed(testCase);
        } else {
            runEvaluation(testCase);
        }
    }

    private static void runMalformed(JsonObject testCase) {
        String text = testCase.members().containsKey("text") ? text(testCase, "text")
                : JsonText.write(testCase.members().get("document"));
        PolicyKind kind = PolicyKind.valueOf(text(testCase, "kind").toUpperCase(java.util.Locale.ROOT));
        assertThatThrownBy(() -> PolicyParser.parse(text, kind, PolicyLimits.DEFAULT))
                .isInstanceOf(PolicyParseException.class)
                .hasMessage(text(testCase, "error"));
    }

    private void runEvaluation(JsonObject testCase) {
        List<NamedPolicy> identity = new ArrayList<>();
        List<NamedPolicy> session = new ArrayList<>();
        NamedPolicy trust = null;
        for (JsonValue value : array(testCase, "policies")) {
            JsonObject policy = (JsonObject) value;
            String kind = text(policy, "kind");
            boolean lenient = "any".equals(optionalText(policy, "parse"));
            String json = JsonText.write(policy.members().get("document"));
            PolicyDocument document = lenient ? PolicyParser.parse(json)
                    : kind.equals("trust") ? PolicyParser.parseTrustPolicy(json) : PolicyParser.parseIdentityPolicy(json);
            NamedPolicy named = new NamedPolicy(text(policy, "name"), document);
            switch (kind) {
                case "identity" -> identity.add(named);
                case "session" -> session.add(named);
                case "trust" -> trust = named;
                default -> throw new IllegalArgumentException("unknown policy kind " + kind);
            }
        }
        AuthorizationRequest request = request((JsonObject) testCase.members().get("request"));
        Decision decision;
        if (trust != null) {
            decision = evaluator.evaluateTrust(trust, request);
        } else if (!session.isEmpty()) {
            decision = evaluator.evaluateSession(identity, session, request);
        } else {
            decision = evaluator.evaluate(identity, request);
        }
        assertThat(decision.outcome()).as("outcome; reasons %s", decision.reasons())
                .isEqualTo(Outcome.valueOf(text(testCase, "expect")));
        if (testCase.members().containsKey("deciding")) {
            List<String> expected = array(testCase, "deciding").stream().map(v -> ((JsonString) v).value()).toList();
            assertThat(decision.deciding().stream().map(StatementRef::toString).toList()).as("deciding")
                    .isEqualTo(expected);
        }
        if (testCase.members().containsKey("reasons")) {
            for (JsonValue fragment : array(testCase, "reasons")) {
                String expected = ((JsonString) fragment).value();
                assertThat(decision.reasons()).as("reasons").anySatisfy(reason -> assertThat(reason).contains(expected));
            }
        }
    }

    private static AuthorizationRequest request(JsonObject json) {
        RequestPrincipal principal = null;
        if (json.members().get("principal") instanceof JsonObject p) {
            List<String> also = p.members().containsKey("alsoMatches")
                    ? array(p, "alsoMatches").stream().map(v -> ((JsonString) v).value()).toList()
                    : List.of();
            principal = new RequestPrincipal(text(p, "type"), text(p, "arn"), optionalText(p, "account"), also);
        }
        RequestContext.Builder context = RequestContext.builder();
        if (json.members().get("context") instanceof JsonObject c) {
            c.members().forEach((key, value) -> {
                if (value instanceof JsonArray values) {
                    context.putAll(key, values.elements().stream().map(v -> ((JsonString) v).value()).toList());
                } else {
                    context.put(key, ((JsonString) value).value());
                }
            });
        }
        return new AuthorizationRequest(principal, text(json, "action"), optionalText(json, "resource"), context.build());
    }

    private static String text(JsonObject object, String key) {
        return ((JsonString) Objects.requireNonNull(object.members().get(key), key)).value();
    }

    private static String optionalText(JsonObject object, String key) {
        return object.members().get(key) instanceof JsonString s ? s.value() : null;
    }

    private static List<JsonValue> array(JsonObject object, String key) {
        return ((JsonArray) object.members().get(key)).elements();
    }
}
