package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionTagRulesTest {

    private static final List<SessionTag> INHERITED = List.of(new SessionTag("Project", "apollo"));

    @Test
    void combineWhenInheritedAndRequestedThenBothAndTransitiveKeysUnion() {
        var combined = SessionTagRules.combine(INHERITED, Set.of("Project"),
                List.of(new SessionTag("team", "ops")), List.of("team"));
        assertThat(combined.tags()).extracting(SessionTag::key).containsExactly("Project", "team");
        assertThat(combined.transitiveKeys()).containsExactlyInAnyOrder("Project", "team");
    }

    @Test
    void combineWhenRequestedKeysDifferOnlyInCaseThenInvalidParameterValue() {
        assertThatThrownBy(() -> SessionTagRules.combine(List.of(), Set.of(),
                List.of(new SessionTag("team", "a"), new SessionTag("TEAM", "b")), List.of()))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void combineWhenRequestedTagOverridesAnInheritedTransitiveTagThenInvalidParameterValue() {
        assertThatThrownBy(() -> SessionTagRules.combine(INHERITED, Set.of("Project"),
                List.of(new SessionTag("project", "other")), List.of()))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void combineWhenTransitiveKeyNamesNoPassedTagThenInvalidParameterValue() {
        assertThatThrownBy(() -> SessionTagRules.combine(List.of(), Set.of(),
                List.of(new SessionTag("team", "a")), List.of("project")))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void combineWhenMoreThanFiftyTagsThenValidationError() {
        var many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> new SessionTag("k" + i, "v")).toList();
        assertThatThrownBy(() -> SessionTagRules.combine(List.of(), Set.of(), many, List.of()))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }

    @Test
    void problemWhenTagsFollowEveryRuleThenNone() {
        assertThat(SessionTagRules.problem(List.of(new SessionTag("Projekt Ä/1", "Größe=5 @ts"),
                new SessionTag("k".repeat(128), "v".repeat(256)), new SessionTag("empty", ""),
                new SessionTag("awsome", "x")))).isEmpty();
    }

    @Test
    void problemWhenAKeyBeginsWithAwsInAnyCaseThenNamed() {
        assertThat(SessionTagRules.problem(List.of(new SessionTag("aws:foo", "x")))).get().asString()
                .contains("aws:foo").contains("reserved");
        assertThat(SessionTagRules.problem(List.of(new SessionTag("AWS:PrincipalTag", "x")))).isPresent();
    }

    @Test
    void problemWhenAKeyHasACharacterOutsideTheSetThenNamed() {
        assertThat(SessionTagRules.problem(List.of(new SessionTag("team#1", "x")))).get().asString()
                .contains("team#1");
        assertThat(SessionTagRules.problem(List.of(new SessionTag("", "x")))).isPresent();
    }

    @Test
    void problemWhenAKeyIsLongerThan128ThenNamed() {
        assertThat(SessionTagRules.problem(List.of(new SessionTag("k".repeat(129), "x")))).isPresent();
    }

    @Test
    void problemWhenAValueIsLongerThan256OrHasAnOutsideCharacterThenNamed() {
        assertThat(SessionTagRules.problem(List.of(new SessionTag("team", "v".repeat(257))))).get().asString()
                .contains("team");
        assertThat(SessionTagRules.problem(List.of(new SessionTag("team", "a;b")))).isPresent();
    }

    @Test
    void problemWhenMoreThanFiftyTagsThenNamed() {
        var many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> new SessionTag("k" + i, "v")).toList();
        assertThat(SessionTagRules.problem(many)).get().asString().contains("51");
    }

    @Test
    void problemWhenKeysDifferOnlyInCaseThenNamed() {
        assertThat(SessionTagRules.problem(List.of(new SessionTag("team", "a"), new SessionTag("Team", "b"))))
                .isPresent();
    }

    @Test
    void combineWhenARequestedKeyBeginsWithAwsThenInvalidParameterValue() {
        assertThatThrownBy(() -> SessionTagRules.combine(List.of(), Set.of(), List.of(new SessionTag("aws:foo", "a")),
                List.of())).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
                    assertThat(e.reason()).isEqualTo(io.stsgate.audit.ReasonCode.TAG_INVALID);
                });
    }
}
