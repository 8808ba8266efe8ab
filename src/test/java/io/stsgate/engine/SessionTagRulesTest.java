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
}
