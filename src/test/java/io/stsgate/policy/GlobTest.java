package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "abc, abc, true",
            "abc, abd, false",
            "abc, ab, false",
            "'', '', true",
            "'', a, false",
            "*, '', true",
            "*, anything/at:all, true",
            "a*, a, true",
            "a*, ba, false",
            "*c, abc, true",
            "a*c, ac, true",
            "a*c, abbbc, true",
            "a*c, abbbd, false",
            "a?c, abc, true",
            "a?c, ac, false",
            "a??, abc, true",
            "*a*a*b, aaaab, true",
            "*a*a*b, aaaa, false",
            "**, x, true",
            "a**b, axxb, true",
            "*?, '', false",
            "*?, x, true",
    })
    void matchesWholeSubject(String pattern, String subject, boolean expected) {
        assertThat(Glob.compile(pattern).matches(subject)).isEqualTo(expected);
    }

    @Test
    void whenIgnoringCaseThenAsciiLettersFold() {
        Glob glob = Glob.compile("s3:get*");
        assertThat(glob.matches("S3:GetObject", 0, 12, true)).isTrue();
        assertThat(glob.matches("S3:GetObject", 0, 12, false)).isFalse();
    }

    @Test
    void whenMatchingARangeThenOnlyTheRangeCounts() {
        Glob glob = Glob.compile("us-*");
        String arn = "arn:aws:sqs:us-east-1:111:q";
        assertThat(glob.matches(arn, 12, 21, false)).isTrue();
        assertThat(glob.matches(arn, 8, 21, false)).isFalse();
    }

    @Test
    void whenTokensAreLiteralWildcardCharactersThenTheyMatchOnlyThemselves() {
        Glob glob = new Glob(new int[] { 'a', '*' });
        assertThat(glob.matches("a*")).isTrue();
        assertThat(glob.matches("ab")).isFalse();
    }

    @Test
    void whenThePatternIsPathologicalThenMatchingStaysFast() {
        String subject = "a".repeat(20_000);
        Glob glob = Glob.compile("*a*a*a*a*a*a*a*a*a*a*b");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 20; i++) {
                assertThat(glob.matches(subject)).isFalse();
            }
        });
    }
}
