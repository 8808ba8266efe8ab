package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyVariablesTest {

    private static final RequestContext ALICE = RequestContext.builder()
            .put("aws:username", "alice")
            .put("aws:PrincipalTag/team", "blue")
            .build();

    private static Template parse(String text) {
        Parsed<Template> parsed = PolicyVariables.parse(text, true);
        assertThat(parsed.problem()).isNull();
        return parsed.value();
    }

    private static boolean globMatches(Template template, RequestContext context, String subject) {
        TokenBuffer buffer = TokenBuffer.get();
        assertThat(template.resolveInto(context, buffer)).isTrue();
        return buffer.matches(subject, 0, subject.length());
    }

    @Test
    void whenVariablesAreDisabledThenTextIsLiteral() {
        Template template = PolicyVariables.parse("home/${aws:username}", false).value();
        assertThat(template.hasVariables()).isFalse();
        assertThat(template.matchesExactly("home/${aws:username}", ALICE, false)).isEqualTo(Match.YES);
    }

    @Test
    void whenTheKeyIsPresentThenItsValueIsSubstituted() {
        Template template = parse("home/${aws:username}/");
        assertThat(template.matchesExactly("home/alice/", ALICE, false)).isEqualTo(Match.YES);
        assertThat(template.matchesExactly("home/bob/", ALICE, false)).isEqualTo(Match.NO);
    }

    @Test
    void whenTheKeyIsAbsentThenTheTemplateIsUndefined() {
        Template template = parse("home/${aws:username}");
        assertThat(template.matchesExactly("home/", RequestContext.empty(), false)).isEqualTo(Match.UNDEFINED);
        assertThat(template.resolveInto(RequestContext.empty(), TokenBuffer.get())).isFalse();
        assertThat(template.firstUndefined(RequestContext.empty()).key()).isEqualTo("aws:username");
    }

    @Test
    void whenADefaultIsGivenThenItFillsAnAbsentKey() {
        Template template = parse("${aws:PrincipalTag/dept, 'company-wide'}");
        assertThat(template.matchesExactly("company-wide", ALICE, false)).isEqualTo(Match.YES);
        Template withTag = parse("${aws:PrincipalTag/team,'company-wide'}");
        assertThat(withTag.matchesExactly("blue", ALICE, false)).isEqualTo(Match.YES);
    }

    @Test
    void whenEscapesAreUsedThenTheyAreLiteralCharacters() {
        Template template = parse("a${*}b${?}c${$}");
        assertThat(template.matchesExactly("a*b?c$", ALICE, false)).isEqualTo(Match.YES);
        assertThat(globMatches(template, ALICE, "axb?c$")).isFalse();
        assertThat(globMatches(template, ALICE, "a*b?c$")).isTrue();
    }

    @Test
    void whenASubstitutedValueHoldsWildcardsThenTheyAreLiteral() {
        RequestContext star = RequestContext.builder().put("aws:username", "*").build();
        Template template = parse("home/${aws:username}/*");
        assertThat(globMatches(template, star, "home/*/x")).isTrue();
        assertThat(globMatches(template, star, "home/bob/x")).isFalse();
    }

    @Test
    void whenTheVariableKeyDiffersInCaseThenItStillResolves() {
        assertThat(parse("${AWS:USERNAME}").matchesExactly("alice", ALICE, false)).isEqualTo(Match.YES);
    }

    @Test
    void whenTheKeyHasSeveralValuesThenTheVariableIsUndefined() {
        RequestContext two = RequestContext.builder().put("aws:username", "a").put("aws:username", "b").build();
        assertThat(parse("${aws:username}").matchesExactly("a", two, false)).isEqualTo(Match.UNDEFINED);
    }

    @Test
    void whenIgnoringCaseThenSubstitutedAndLiteralTextFold() {
        assertThat(parse("HOME/${aws:username}").matchesExactly("home/ALICE", ALICE, true)).isEqualTo(Match.YES);
    }

    @Test
    void whenTheSyntaxIsBrokenThenParsingFails() {
        assertThat(PolicyVariables.parse("${aws:username", true).problem()).startsWith("unterminated policy variable");
        assertThat(PolicyVariables.parse("${}", true).problem()).startsWith("invalid policy variable");
        assertThat(PolicyVariables.parse("${a b}", true).problem()).startsWith("invalid policy variable");
        assertThat(PolicyVariables.parse("${k, nope}", true).problem()).startsWith("invalid default value");
        assertThat(PolicyVariables.parse("${k, 'a'b'}", true).problem()).startsWith("invalid default value");
    }

    @Test
    void whenADollarIsNotFollowedByABraceThenItIsLiteral() {
        assertThat(parse("cost$5").matchesExactly("cost$5", ALICE, false)).isEqualTo(Match.YES);
    }

    @Test
    void whenSplittingThenSeparatorsInsideVariablesAreKept() {
        Template template = parse("arn:aws:iam::${aws:PrincipalAccount}:role/${aws:username}:x");
        var segments = template.split(':', 6);
        assertThat(segments).extracting(Template::source)
                .containsExactly("arn", "aws", "iam", "", "${aws:PrincipalAccount}", "role/${aws:username}:x");
    }
}
