package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B seed for HMAC-SHA1. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** The demo seed shown by authenticator-app tutorials: "Hello!" + DEADBEEF. */
    private static final byte[] DEMO_SEED = Base32.decode("JBSWY3DPEHPK3PXP");
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:10Z");
    private static final long NOW_STEP = 56_802_240L;

    private final Totp totp = new Totp();

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130" })
    void whenRfc6238Sha1VectorThenEightDigitCodeMatches(long epochSeconds, String expected) {
        Totp eightDigits = new Totp(8, Duration.ofSeconds(30));
        Instant time = Instant.ofEpochSecond(epochSeconds);

        assertThat(eightDigits.codeAt(RFC_SEED, eightDigits.stepAt(time))).isEqualTo(expected);
        assertThat(eightDigits.matchingStep(RFC_SEED, expected, time, 0)).hasValue(epochSeconds / 30);
    }

    @Test
    void whenDemoSeedThenCodesMatchAnIndependentImplementation() {
        assertThat(totp.stepAt(NOW)).isEqualTo(NOW_STEP);
        assertThat(totp.codeAt(DEMO_SEED, NOW_STEP - 1)).isEqualTo("280057");
        assertThat(totp.codeAt(DEMO_SEED, NOW_STEP)).isEqualTo("432690");
        assertThat(totp.codeAt(DEMO_SEED, NOW_STEP + 1)).isEqualTo("283090");
        assertThat(totp.codeAt(DEMO_SEED, NOW_STEP + 2)).isEqualTo("004425");
    }

    @Test
    void whenCodeOfCurrentStepThenThatStepMatches() {
        assertThat(totp.matchingStep(DEMO_SEED, "432690", NOW)).hasValue(NOW_STEP);
    }

    @Test
    void whenCodeOfPreviousStepThenPreviousStepMatches() {
        assertThat(totp.matchingStep(DEMO_SEED, "280057", NOW)).hasValue(NOW_STEP - 1);
    }

    @Test
    void whenCodeOfNextStepThenNextStepMatches() {
        assertThat(totp.matchingStep(DEMO_SEED, "283090", NOW)).hasValue(NOW_STEP + 1);
    }

    @Test
    void whenCodeIsTwoStepsAwayThenNoMatch() {
        assertThat(totp.matchingStep(DEMO_SEED, "004425", NOW)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, "286586", NOW)).isEmpty();
    }

    @Test
    void whenWindowIsZeroThenOnlyCurrentStepMatches() {
        assertThat(totp.matchingStep(DEMO_SEED, "432690", NOW, 0)).hasValue(NOW_STEP);
        assertThat(totp.matchingStep(DEMO_SEED, "280057", NOW, 0)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, "283090", NOW, 0)).isEmpty();
    }

    @Test
    void whenWindowIsTwoThenTwoStepsAwayMatches() {
        assertThat(totp.matchingStep(DEMO_SEED, "004425", NOW, 2)).hasValue(NOW_STEP + 2);
    }

    @Test
    void whenStepBoundaryIsCrossedThenStepChanges() {
        Instant lastSecondOfStep = Instant.ofEpochSecond(NOW_STEP * 30 + 29);

        assertThat(totp.matchingStep(DEMO_SEED, "432690", lastSecondOfStep, 0)).hasValue(NOW_STEP);
        assertThat(totp.matchingStep(DEMO_SEED, "432690", lastSecondOfStep.plusSeconds(1), 0)).isEmpty();
    }

    @Test
    void whenCodeIsMalformedThenNoMatch() {
        assertThat(totp.matchingStep(DEMO_SEED, "43269", NOW)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, "4326900", NOW)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, "43269a", NOW)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, " 432690", NOW)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, "４３２６９０", NOW)).isEmpty();
        assertThat(totp.matchingStep(DEMO_SEED, null, NOW)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void whenWrongSeedThenNoMatch() {
        assertThat(totp.matchingStep(RFC_SEED, "432690", NOW)).isEmpty();
    }

    @Test
    void whenParametersAreOutOfRangeThenRefused() {
        assertThatThrownBy(() -> new Totp(5, Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(9, Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(6, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.matchingStep(DEMO_SEED, "432690", NOW, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.matchingStep(DEMO_SEED, "432690", NOW, 11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSeedIsEmptyThenRefused() {
        assertThatThrownBy(() -> totp.matchingStep(new byte[0], "432690", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
