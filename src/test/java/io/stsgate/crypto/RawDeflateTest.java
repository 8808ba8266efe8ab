package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

class RawDeflateTest {

    private static final byte[] TEXT = "stsgate ".repeat(500).getBytes(StandardCharsets.UTF_8);

    @Test
    void whenDeflatedThenInflatesToTheSameBytesAndIsSmaller() throws Exception {
        byte[] deflated = RawDeflate.deflate(TEXT, Deflater.BEST_SPEED);
        assertThat(deflated.length).isLessThan(TEXT.length / 10);
        assertThat(RawDeflate.inflate(deflated, TEXT.length)).isEqualTo(TEXT);
    }

    @Test
    void whenTheOutputWouldExceedTheBoundThenRefused() {
        byte[] deflated = RawDeflate.deflate(TEXT, Deflater.BEST_COMPRESSION);
        assertThatThrownBy(() -> RawDeflate.inflate(deflated, TEXT.length - 1))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("expands beyond");
    }

    @Test
    void whenTruncatedThenRefused() {
        byte[] deflated = RawDeflate.deflate(TEXT, Deflater.BEST_COMPRESSION);
        assertThatThrownBy(() -> RawDeflate.inflate(Arrays.copyOf(deflated, deflated.length / 2), TEXT.length))
                .isInstanceOf(DataFormatException.class);
    }

    @Test
    void whenNotDeflateThenRefused() {
        assertThatThrownBy(() -> RawDeflate.inflate(new byte[] { (byte) 0xff, (byte) 0xff, 0x00 }, 1000))
                .isInstanceOf(DataFormatException.class);
    }
}
