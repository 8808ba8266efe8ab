package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void whenSameBytesThenEqual() {
        assertThat(ConstantTime.equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 })).isTrue();
        assertThat(ConstantTime.equals("secret", "secret")).isTrue();
    }

    @Test
    void whenDifferentBytesOrLengthThenNotEqual() {
        assertThat(ConstantTime.equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 })).isFalse();
        assertThat(ConstantTime.equals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2 })).isFalse();
        assertThat(ConstantTime.equals("secret", "secreT")).isFalse();
    }

    @Test
    void whenNullThenNeverEqual() {
        assertThat(ConstantTime.equals((byte[]) null, null)).isFalse();
        assertThat(ConstantTime.equals((String) null, "x")).isFalse();
        assertThat(ConstantTime.equals("x", (String) null)).isFalse();
    }
}
