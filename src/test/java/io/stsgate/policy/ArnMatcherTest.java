package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnMatcherTest {

    private static ArnMatcher matcher(String pattern) {
        Parsed<ArnMatcher> parsed = ArnMatcher.parse(PolicyVariables.parse(pattern, true).value(), true);
        assertThat(parsed.problem()).isNull();
        return parsed.value();
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "*, whatever, YES",
            "arn:aws:s3:::b/*, arn:aws:s3:::b/a/b, YES",
            "arn:aws:s3:::b/*, arn:aws:s3:::c/a, NO",
            "arn:aws:iam::*:role/x, arn:aws:iam::123456789012:role/x, YES",
            "arn:aws:sqs:us-*:1:q, arn:aws:sqs:us-east-1:x:1:q, NO",
            "arn:aws:logs:*:*:log-group:*, arn:aws:logs:eu-west-1:1:log-group:/a:log-stream:b, YES",
            "arn:aws:s3:::b, arn:aws:s3:::b:extra, NO",
            "arn:aws:s3:::b*, arn:aws:s3:::b:extra, YES",
            "arn:aws:s3:::b, arn:aws:s3::b, NO",
            "arn:aws:s3:::B, arn:aws:s3:::b, NO",
            "arn:*:*:*:*:*, arn:aws:ec2:eu-west-1:1:instance/i, YES",
            "arn:aws:ec2:?u-west-1:*:*, arn:aws:ec2:eu-west-1:1:i, YES",
    })
    void matchesSegmentBySegment(String pattern, String arn, Match expected) {
        assertThat(matcher(pattern).matches(arn, RequestContext.empty())).isEqualTo(expected);
    }

    @Test
    void whenAVariableIsInASegmentThenItIsResolvedPerRequest() {
        ArnMatcher matcher = matcher("arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}");
        RequestContext context = RequestContext.builder().put("aws:PrincipalAccount", "111111111111")
                .put("aws:username", "alice").build();
        assertThat(matcher.matches("arn:aws:iam::111111111111:user/alice", context)).isEqualTo(Match.YES);
        assertThat(matcher.matches("arn:aws:iam::222222222222:user/alice", context)).isEqualTo(Match.NO);
        assertThat(matcher.matches("arn:aws:iam::111111111111:user/alice", RequestContext.empty()))
                .isEqualTo(Match.UNDEFINED);
    }

    @Test
    void whenAVariableIsUndefinedThenTheResultIsUndefinedWhicheverSegmentFails() {
        ArnMatcher matcher = matcher("arn:aws:s3:::bucket/${aws:username}/*");
        assertThat(matcher.matches("arn:aws:s3:::other/x", RequestContext.empty())).isEqualTo(Match.UNDEFINED);
        assertThat(matcher.matches("not-an-arn", RequestContext.empty())).isEqualTo(Match.UNDEFINED);
        ResourceSpec notResource = new ResourceSpec(true,
                java.util.List.of(ResourcePattern.parse("arn:aws:s3:::bucket/${aws:username}/*", true).value()));
        // NotResource with an undefined variable does not apply: the element does not match.
        assertThat(notResource.matches("arn:aws:s3:::other/x", RequestContext.empty())).isEqualTo(Match.UNDEFINED);
    }

    @Test
    void whenTheTextIsNotAnArnThenParsingFails() {
        assertThat(ArnMatcher.parse(Template.literal("bucket/*"), true).problem()).contains("must be \"*\" or an ARN");
        assertThat(ArnMatcher.parse(Template.literal("arn:aws:s3::b"), true).failed()).isTrue();
        assertThat(ArnMatcher.parse(Template.literal("urn:aws:s3:::b"), true).failed()).isTrue();
        assertThat(ArnMatcher.parse(Template.literal("arn:aws::::b"), true).problem()).contains("service segment");
    }

    @Test
    void whenResourcesHaveServiceWildcardsThenTheyAreRejected() {
        assertThat(ArnMatcher.parse(Template.literal("arn:aws:s3*:::b"), false).problem())
                .contains("must not hold wildcards");
        assertThat(ArnMatcher.parse(Template.literal("arn:aws:s3*:::b"), true).failed()).isFalse();
    }
}
