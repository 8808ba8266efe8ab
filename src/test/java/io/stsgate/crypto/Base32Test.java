package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    /** RFC 4648 section 10. */
    @ParameterizedTest
    @CsvSource({
            "'', ''",
            "f, MY======",
            "fo, MZXQ====",
            "foo, MZXW6===",
            "foob, MZXW6YQ=",
            "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======" })
    void whenRfc4648VectorThenDecodesWithAndWithoutPaddingAndEncodes(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.replace("=", ""))).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.toLowerCase())).isEqualTo(bytes);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded.replace("=", ""));
    }

    @Test
    void whenDemoSeedThenDecodesToHelloDeadbeef() {
        assertThat(Hex.encode(Base32.decode("JBSWY3DPEHPK3PXP"))).isEqualTo("48656c6c6f21deadbeef");
        assertThat(Base32.decode("jbswy3dpehpk3pxp")).isEqualTo(Base32.decode("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void whenInvalidCharacterThenErrorGivesPositionButNotTheSeed() {
        String seed = "JBSWY3DPEHPK3PX1";

        assertThatThrownBy(() -> Base32.decode(seed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 16")
                .hasMessageNotContaining(seed)
                .hasMessageNotContaining("JBSWY");
    }

    @Test
    void whenImpossibleLengthThenRefused() {
        assertThatThrownBy(() -> Base32.decode("MZXW6YTBO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("MZXW6YTBO");
    }

    @Test
    void whenPaddingIsIncompleteThenRefused() {
        assertThatThrownBy(() -> Base32.decode("MY==")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenPaddingIsInTheMiddleThenRefused() {
        assertThatThrownBy(() -> Base32.decode("MY======MY======")).isInstanceOf(IllegalArgumentException.class);
    }
}
