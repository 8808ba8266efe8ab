package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonBoolean;
import io.stsgate.policy.JsonValue.JsonNull;
import io.stsgate.policy.JsonValue.JsonNumber;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

class JsonReaderTest {

    private static final JsonReader.Options STRICT = new JsonReader.Options(16, false, true);
    private static final JsonReader.Options POLICY = new JsonReader.Options(16, true, false);

    private static JsonValue read(String text) {
        return JsonReader.read(text, STRICT);
    }

    @Test
    void readsEveryValueType() {
        JsonObject object = (JsonObject) read(
                " {\"s\":\"x\",\"n\":-1.5e+3,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[]],\"o\":{}} ");
        assertThat(object.members()).containsEntry("s", new JsonString("x"))
                .containsEntry("n", new JsonNumber("-1.5e+3"))
                .containsEntry("t", new JsonBoolean(true))
                .containsEntry("f", new JsonBoolean(false))
                .containsEntry("z", new JsonNull());
        assertThat(((JsonArray) object.members().get("a")).elements()).hasSize(2);
        assertThat(object.members().keySet()).containsExactly("s", "n", "t", "f", "z", "a", "o");
    }

    @Test
    void decodesEscapes() {
        assertThat(read("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\""))
                .isEqualTo(new JsonString("a\"b\\c/d\b\f\n\r\té\u20ac"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = { "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "-", "1.", ".5", "1e",
            "+1", "0x10", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "'a'", "[1]x", "{} {}", "NaN",
            "\"a\u0001\"", "\ufeff{}", "[\"\\u00\"]", "\"\\", "{\"a\":}" })
    void rejectsInvalidJson(String text) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(JsonSyntaxException.class)
                .hasMessageStartingWith("Syntax error at line");
    }

    @Test
    void whenStrictThenDuplicateKeysAreRejected() {
        assertThatThrownBy(() -> read("{\"a\":1,\"a\":2}")).hasMessage("Syntax error at line 1, column 8: duplicate key 'a'");
    }

    @Test
    void whenLenientThenTheFirstDuplicateKeyIsRecorded() {
        JsonObject object = (JsonObject) JsonReader.read("{\"a\":1,\"b\":2,\"a\":3,\"b\":4}", POLICY);
        assertThat(object.duplicateKey()).isEqualTo("a");
        assertThat(object.members()).containsEntry("a", new JsonNumber("1"));
    }

    @Test
    void whenNestingExceedsTheBoundThenReadingFails() {
        String deep = "[".repeat(17) + "]".repeat(17);
        assertThatThrownBy(() -> read(deep)).hasMessageContaining("nesting is deeper than 16 levels");
        assertThat(read("[".repeat(16) + "]".repeat(16))).isInstanceOf(JsonArray.class);
    }

    @Test
    void whenNestingIsHostileThenNoStackOverflowOccurs() {
        String deep = "[".repeat(1_000_000);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void errorsReportLineAndColumn() {
        assertThatThrownBy(() -> read("{\n  \"a\": tru\n}"))
                .hasMessage("Syntax error at line 2, column 8: unexpected character 't'");
    }

    @Test
    void whenThePolicyCharsetIsOnThenOnlyLatin1AndTabLfCrPass() {
        assertThat(JsonReader.read("{\"a\":\"\u00ff\t\"}".replace("\t", "\\t"), POLICY)).isInstanceOf(JsonObject.class);
        assertThatThrownBy(() -> JsonReader.read("{\"a\":\"\u0100\"}", POLICY)).hasMessageContaining("U+0100 is not allowed");
        assertThatThrownBy(() -> JsonReader.read("{\"a\":\"\\u0100\"}", POLICY)).hasMessageContaining("U+0100 is not allowed");
        assertThatThrownBy(() -> JsonReader.read("{\"a\":\"\\u0007\"}", POLICY)).hasMessageContaining("U+0007 is not allowed");
        assertThatThrownBy(() -> JsonReader.read("{}\u2028", POLICY)).hasMessageContaining("U+2028 is not allowed");
        assertThat(JsonReader.read("\"\u0100\"", STRICT)).isEqualTo(new JsonString("\u0100"));
    }

    @Test
    void whenAKnownKeyIsEscapedOrMalformedThenTheFullStringRulesStillApply() {
        JsonObject escaped = (JsonObject) read("{\"Eff\\u0065ct\":1}");
        assertThat(escaped.members()).containsOnlyKeys("Effect");
        assertThatThrownBy(() -> read("{\"Effect")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> read("{\"Effect\" 1}")).hasMessageContaining("unexpected character '1'");
    }

    @Test
    void numbersKeepTheirLexeme() {
        for (String number : List.of("0", "-0", "10", "1.25", "1E5", "1e-5", "123456789012345678901234567890")) {
            assertThat(read(number)).isEqualTo(new JsonNumber(number));
        }
    }
}
