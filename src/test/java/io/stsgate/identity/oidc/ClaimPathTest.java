package io.stsgate.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimPathTest {

    @Test
    void dottedAndBracketedNames() {
        assertThat(ClaimPath.parse("groups")).containsExactly("groups");
        assertThat(ClaimPath.parse("realm_access.roles")).containsExactly("realm_access", "roles");
        assertThat(ClaimPath.parse("[\"https://aws.amazon.com/tags\"].principal_tags"))
                .containsExactly("https://aws.amazon.com/tags", "principal_tags");
        assertThat(ClaimPath.parse("resource_access[\"my.app\"].roles"))
                .containsExactly("resource_access", "my.app", "roles");
        assertThat(ClaimPath.parse("[\"a\\\"b\\\\c\"]")).isEqualTo(List.of("a\"b\\c"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".a", "a.", "a..b", "[a]", "[\"a\"", "[\"a]", "a]b", "[\"a\"]b", "[\"\\n\"]" })
    void malformedPathsAreRefused(String path) {
        assertThatThrownBy(() -> ClaimPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }
}
