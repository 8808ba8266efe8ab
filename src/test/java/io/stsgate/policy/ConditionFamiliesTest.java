package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each operator family through the parser and one clause, without the rest of the evaluator. */
class ConditionFamiliesTest {

    /** Parses {"operator": {"key": valuesJson}} and evaluates it against the context. */
    static Match evaluate(String operator, String key, String valuesJson, RequestContext context) {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"" + operator + "\":{\"" + key + "\":" + valuesJson + "}}}}";
        ConditionClause clause = PolicyParser.parse(json).statements().get(0).condition().clauses().get(0);
        return clause.evaluate(context);
    }

    static RequestContext context(String key, String... values) {
        return RequestContext.builder().putAll(key, List.of(values)).build();
    }

    @Nested
    class Operators {

        @Test
        void everyOperatorHasAUniqueName() {
            for (ConditionOperator operator : ConditionOperator.values()) {
                assertThat(ConditionOperator.byName(operator.text())).isSameAs(operator);
            }
        }

        @ParameterizedTest
        @EnumSource(ConditionOperator.class)
        void everyOperatorButNullAcceptsIfExistsAndQualifiers(ConditionOperator operator) {
            Parsed<ConditionReader.OperatorName> ifExists = ConditionReader.operatorName(operator.text() + "IfExists");
            Parsed<ConditionReader.OperatorName> any = ConditionReader.operatorName("ForAnyValue:" + operator.text());
            Parsed<ConditionReader.OperatorName> all = ConditionReader.operatorName("ForAllValues:" + operator.text());
            boolean isNull = operator == ConditionOperator.NULL;
            assertThat(ifExists.failed()).isEqualTo(isNull);
            assertThat(any.failed()).isEqualTo(isNull);
            assertThat(all.failed()).isEqualTo(isNull);
            if (!isNull) {
                assertThat(ifExists.value().ifExists()).isTrue();
                assertThat(all.value().qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
                assertThat(all.value().operator()).isEqualTo(operator);
            }
        }

        @Test
        void whenBothQualifierAndSuffixAreGivenThenBothApply() {
            ConditionReader.OperatorName name = ConditionReader.operatorName("ForAnyValue:StringLikeIfExists").value();
            assertThat(name.qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
            assertThat(name.operator()).isEqualTo(ConditionOperator.STRING_LIKE);
            assertThat(name.ifExists()).isTrue();
        }
    }

    @Nested
    class Strings {

        @Test
        void equalsIsExactAndCaseSensitive() {
            assertThat(evaluate("StringEquals", "k:a", "\"Abc\"", context("k:a", "Abc"))).isEqualTo(Match.YES);
            assertThat(evaluate("StringEquals", "k:a", "\"Abc\"", context("k:a", "abc"))).isEqualTo(Match.NO);
            assertThat(evaluate("StringEquals", "k:a", "\"Abc\"", context("k:a", "Abcd"))).isEqualTo(Match.NO);
        }

        @Test
        void ignoreCaseFoldsCase() {
            assertThat(evaluate("StringEqualsIgnoreCase", "k:a", "\"ABC\"", context("k:a", "abc"))).isEqualTo(Match.YES);
            assertThat(evaluate("StringNotEqualsIgnoreCase", "k:a", "\"ABC\"", context("k:a", "abc"))).isEqualTo(Match.NO);
        }

        @Test
        void likeHasWildcards() {
            assertThat(evaluate("StringLike", "k:a", "[\"x\", \"a*c?\"]", context("k:a", "abbcd"))).isEqualTo(Match.YES);
            assertThat(evaluate("StringNotLike", "k:a", "[\"x\", \"a*c?\"]", context("k:a", "abbcd"))).isEqualTo(Match.NO);
            assertThat(evaluate("StringNotLike", "k:a", "[\"x\", \"a*c?\"]", context("k:a", "zzz"))).isEqualTo(Match.YES);
        }

        @Test
        void keyNamesAreCaseInsensitive() {
            assertThat(evaluate("StringEquals", "AWS:UserName", "\"alice\"", context("aws:username", "alice")))
                    .isEqualTo(Match.YES);
        }
    }

    @Nested
    class Numbers {

        @Test
        void comparisonsUseTheRequestValueOnTheLeft() {
            RequestContext five = context("k:n", "5");
            assertThat(evaluate("NumericLessThan", "k:n", "6", five)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericLessThan", "k:n", "5", five)).isEqualTo(Match.NO);
            assertThat(evaluate("NumericLessThanEquals", "k:n", "5", five)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericGreaterThan", "k:n", "4.99", five)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericGreaterThanEquals", "k:n", "5.00", five)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericEquals", "k:n", "\"5.0\"", five)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericNotEquals", "k:n", "[4, 6]", five)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericNotEquals", "k:n", "[4, 5]", five)).isEqualTo(Match.NO);
        }

        @Test
        void hugeValuesCompareExactly() {
            RequestContext big = context("k:n", "99999999999999999999999999");
            assertThat(evaluate("NumericGreaterThan", "k:n", "\"99999999999999999999999998\"", big)).isEqualTo(Match.YES);
            assertThat(evaluate("NumericLessThan", "k:n", "-1", big)).isEqualTo(Match.NO);
        }

        @Test
        void malformedRequestValuesAreErrors() {
            assertThat(evaluate("NumericEquals", "k:n", "1", context("k:n", "one"))).isEqualTo(Match.ERROR);
            assertThat(evaluate("NumericEquals", "k:n", "1", context("k:n", ""))).isEqualTo(Match.ERROR);
        }

        @Test
        void malformedPolicyValuesAreParseErrors() {
            assertThatThrownBy(() -> evaluate("NumericEquals", "k:n", "1e5", RequestContext.empty()))
                    .isInstanceOf(PolicyParseException.class).hasMessageContaining("value '1e5' is not a number");
            assertThatThrownBy(() -> evaluate("NumericEquals", "k:n", "\"${aws:username}\"", RequestContext.empty()))
                    .isInstanceOf(PolicyParseException.class).hasMessageContaining("is not a number");
        }
    }

    @Nested
    class Dates {

        @Test
        void comparesInstantsWhateverTheirForm() {
            RequestContext now = context("aws:CurrentTime", "2024-06-01T12:00:00Z");
            assertThat(evaluate("DateGreaterThan", "aws:CurrentTime", "\"2024-06-01\"", now)).isEqualTo(Match.YES);
            assertThat(evaluate("DateLessThan", "aws:CurrentTime", "\"2024-06-01T14:00:01+02:00\"", now))
                    .isEqualTo(Match.YES);
            assertThat(evaluate("DateEquals", "aws:CurrentTime", "1717243200", now)).isEqualTo(Match.YES);
            assertThat(evaluate("DateNotEquals", "aws:CurrentTime", "1717243200", now)).isEqualTo(Match.NO);
            assertThat(evaluate("DateLessThanEquals", "aws:CurrentTime", "\"2024-06-01T12:00:00.000Z\"", now))
                    .isEqualTo(Match.YES);
            assertThat(evaluate("DateGreaterThanEquals", "aws:CurrentTime", "\"2024-06-01T12:00:00.001Z\"", now))
                    .isEqualTo(Match.NO);
        }

        @Test
        void malformedValuesAreRejected() {
            assertThat(evaluate("DateEquals", "aws:CurrentTime", "\"2024-06-01\"", context("aws:CurrentTime", "June")))
                    .isEqualTo(Match.ERROR);
            assertThatThrownBy(() -> evaluate("DateEquals", "aws:CurrentTime", "\"2024-02-30\"", RequestContext.empty()))
                    .isInstanceOf(PolicyParseException.class).hasMessageContaining("is not a date");
        }
    }

    @Nested
    class BoolBinaryNull {

        @Test
        void boolComparesBooleans() {
            assertThat(evaluate("Bool", "k:b", "true", context("k:b", "TRUE"))).isEqualTo(Match.YES);
            assertThat(evaluate("Bool", "k:b", "\"false\"", context("k:b", "true"))).isEqualTo(Match.NO);
            assertThat(evaluate("Bool", "k:b", "\"false\"", context("k:b", "maybe"))).isEqualTo(Match.ERROR);
            assertThatThrownBy(() -> evaluate("Bool", "k:b", "1", RequestContext.empty()))
                    .isInstanceOf(PolicyParseException.class);
        }

        @Test
        void binaryComparesDecodedBytes() {
            assertThat(evaluate("BinaryEquals", "k:b", "\"AAEC\"", context("k:b", "AAEC"))).isEqualTo(Match.YES);
            assertThat(evaluate("BinaryEquals", "k:b", "\"AAEC\"", context("k:b", "AAED"))).isEqualTo(Match.NO);
            assertThat(evaluate("BinaryEquals", "k:b", "\"AAEC\"", context("k:b", "*"))).isEqualTo(Match.ERROR);
            assertThatThrownBy(() -> evaluate("BinaryEquals", "k:b", "\"\"", RequestContext.empty()))
                    .isInstanceOf(PolicyParseException.class).hasMessageContaining("not valid base64");
        }

        @Test
        void nullTestsPresence() {
            assertThat(evaluate("Null", "k:x", "true", RequestContext.empty())).isEqualTo(Match.YES);
            assertThat(evaluate("Null", "k:x", "true", context("k:x", "v"))).isEqualTo(Match.NO);
            assertThat(evaluate("Null", "k:x", "false", context("k:x", "v"))).isEqualTo(Match.YES);
            assertThat(evaluate("Null", "k:x", "[true, false]", context("k:x", "v"))).isEqualTo(Match.YES);
        }
    }

    @Nested
    class Ips {

        @Test
        void matchesRangesOfEitherFamily() {
            assertThat(evaluate("IpAddress", "aws:SourceIp", "[\"10.0.0.0/8\", \"2001:db8::/32\"]",
                    context("aws:SourceIp", "2001:db8::7"))).isEqualTo(Match.YES);
            assertThat(evaluate("NotIpAddress", "aws:SourceIp", "\"10.0.0.0/8\"", context("aws:SourceIp", "10.1.1.1")))
                    .isEqualTo(Match.NO);
            assertThat(evaluate("IpAddress", "aws:SourceIp", "\"10.0.0.0/8\"", context("aws:SourceIp", "host")))
                    .isEqualTo(Match.ERROR);
        }
    }

    @Nested
    class Arns {

        @Test
        void equalsAndLikeBehaveAlike() {
            RequestContext source = context("aws:SourceArn", "arn:aws:sns:us-east-1:111111111111:topic");
            assertThat(evaluate("ArnEquals", "aws:SourceArn", "\"arn:aws:sns:*:111111111111:top*\"", source))
                    .isEqualTo(Match.YES);
            assertThat(evaluate("ArnLike", "aws:SourceArn", "\"arn:aws:sns:*:111111111111:top*\"", source))
                    .isEqualTo(Match.YES);
            assertThat(evaluate("ArnNotEquals", "aws:SourceArn", "\"arn:aws:sns:*:111111111111:top*\"", source))
                    .isEqualTo(Match.NO);
            assertThat(evaluate("ArnNotLike", "aws:SourceArn", "\"arn:aws:sns:*:222222222222:*\"", source))
                    .isEqualTo(Match.YES);
        }
    }

    @Nested
    class Qualifiers {

        private final RequestContext tags = context("aws:TagKeys", "a", "b");

        @Test
        void forAnyValueNeedsOneMatch() {
            assertThat(evaluate("ForAnyValue:StringEquals", "aws:TagKeys", "[\"b\"]", tags)).isEqualTo(Match.YES);
            assertThat(evaluate("ForAnyValue:StringEquals", "aws:TagKeys", "[\"c\"]", tags)).isEqualTo(Match.NO);
            assertThat(evaluate("ForAnyValue:StringEquals", "aws:TagKeys", "[\"c\"]", RequestContext.empty()))
                    .isEqualTo(Match.NO);
        }

        @Test
        void forAllValuesNeedsEveryValueToMatch() {
            assertThat(evaluate("ForAllValues:StringEquals", "aws:TagKeys", "[\"a\", \"b\", \"c\"]", tags))
                    .isEqualTo(Match.YES);
            assertThat(evaluate("ForAllValues:StringEquals", "aws:TagKeys", "[\"a\"]", tags)).isEqualTo(Match.NO);
            assertThat(evaluate("ForAllValues:StringEquals", "aws:TagKeys", "[\"a\"]", RequestContext.empty()))
                    .isEqualTo(Match.YES);
        }

        @Test
        void negatedOperatorsNegatePerValueUnderQualifiers() {
            assertThat(evaluate("ForAnyValue:StringNotLike", "aws:TagKeys", "[\"a*\"]", tags)).isEqualTo(Match.YES);
            assertThat(evaluate("ForAllValues:StringNotLike", "aws:TagKeys", "[\"a*\"]", tags)).isEqualTo(Match.NO);
            assertThat(evaluate("ForAllValues:StringNotLike", "aws:TagKeys", "[\"c*\"]", tags)).isEqualTo(Match.YES);
        }

        @Test
        void ifExistsHoldsForAbsentKeysOnly() {
            assertThat(evaluate("StringLikeIfExists", "k:a", "\"x*\"", RequestContext.empty())).isEqualTo(Match.YES);
            assertThat(evaluate("StringLikeIfExists", "k:a", "\"x*\"", context("k:a", "y"))).isEqualTo(Match.NO);
            assertThat(evaluate("NumericGreaterThanIfExists", "k:a", "1", context("k:a", "2"))).isEqualTo(Match.YES);
        }

        @Test
        void negatedOperatorsHoldForAbsentKeys() {
            for (String operator : List.of("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike",
                    "NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike")) {
                String value = operator.startsWith("Arn") ? "\"arn:aws:s3:::b\""
                        : operator.equals("NotIpAddress") ? "\"10.0.0.0/8\"" : "\"1\"";
                assertThat(evaluate(operator, "k:absent", value, RequestContext.empty())).as(operator).isEqualTo(Match.YES);
            }
        }
    }
}
