package io.stsgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpochMillisTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource({
            "2020-01-01, 2020-01-01T00:00:00Z",
            "2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z",
            "2020-01-01T10:20Z, 2020-01-01T10:20:00Z",
            "2020-01-01T10:20:30, 2020-01-01T10:20:30Z",
            "2020-02-29T23:59:59.999Z, 2020-02-29T23:59:59.999Z",
            "2020-01-01T00:00:00.5Z, 2020-01-01T00:00:00.500Z",
            "2020-01-01T00:00:00.123456789Z, 2020-01-01T00:00:00.123Z",
            "2020-01-01T02:00:00+02:00, 2020-01-01T00:00:00Z",
            "2020-01-01T00:00:00-0130, 2020-01-01T01:30:00Z",
            "2020-01-01T00:00:00+05, 2019-12-31T19:00:00Z",
            "1577836800, 2020-01-01T00:00:00Z",
            "0, 1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z",
            "2000-03-01, 2000-03-01T00:00:00Z",
            "1900-03-01, 1900-03-01T00:00:00Z",
    })
    void readsTheFormsIamAccepts(String text, String expected) {
        assertThat(EpochMillis.parse(text)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = { "", "2020-13-01", "2020-02-30", "2019-02-29", "1900-02-29", "2020-01-01T24:00:00Z",
            "2020-01-01T00:60:00Z", "2020-01-01T00:00:60Z", "2020-01-01T00:00:00.Z", "2020-01-01 00:00:00Z",
            "2020-01-01T00:00:00+19:00", "2020-01-01T00:00:00+02:3", "2020-01-01T00:00:00ZZ", "2020-1-01",
            "yesterday", "1e9", "1234567890123", "2020-01-01T00", "2020-01-01T00:00:0" })
    void rejectsEverythingElse(String text) {
        assertThat(EpochMillis.parse(text)).isEqualTo(EpochMillis.INVALID);
    }

    @Test
    void whenOnlyDigitsAreGivenThenTheyAreEpochSecondsNotAYear() {
        assertThat(EpochMillis.parse("2020")).isEqualTo(2_020_000L);
        assertThat(EpochMillis.parse("-60")).isEqualTo(-60_000L);
    }
}
