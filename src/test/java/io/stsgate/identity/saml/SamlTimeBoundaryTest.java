package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TestSamlResponses.NOW;
import static io.stsgate.identity.saml.TestSamlResponses.provider;
import static io.stsgate.identity.saml.TestSamlResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Skew is 60 s; probe each edge at -1 s, 0 and +1 s with an injected clock. */
class SamlTimeBoundaryTest {

    private static final int SKEW = 60;

    private static SamlValidation at(Instant now, String base64) {
        return TestSamlResponses.validator(now).validate(base64, provider());
    }

    private static void assertValid(SamlValidation result) {
        assertThat(result).isInstanceOf(SamlValidation.Valid.class);
    }

    private static void assertFailure(SamlValidation result, SamlFailure failure) {
        assertThat(result).isInstanceOf(SamlValidation.Invalid.class);
        assertThat(((SamlValidation.Invalid) result).failure()).isEqualTo(failure);
    }

    @Test
    void conditionsNotOnOrAfterBoundary() {
        Instant end = NOW.plusSeconds(120);
        String base64 = response().with(b -> {
            b.notOnOrAfter = end;
            b.bearerNotOnOrAfter = end.plusSeconds(600);
        }).signAssertion().base64();
        assertValid(at(end.plusSeconds(SKEW - 1), base64));
        assertFailure(at(end.plusSeconds(SKEW), base64), SamlFailure.EXPIRED);
        assertFailure(at(end.plusSeconds(SKEW + 1), base64), SamlFailure.EXPIRED);
    }

    @Test
    void bearerNotOnOrAfterBoundary() {
        Instant end = NOW.plusSeconds(120);
        String base64 = response().with(b -> {
            b.bearerNotOnOrAfter = end;
            b.notOnOrAfter = end.plusSeconds(600);
        }).signAssertion().base64();
        assertValid(at(end.plusSeconds(SKEW - 1), base64));
        assertFailure(at(end.plusSeconds(SKEW), base64), SamlFailure.EXPIRED);
        assertFailure(at(end.plusSeconds(SKEW + 1), base64), SamlFailure.EXPIRED);
    }

    @Test
    void notBeforeBoundary() {
        Instant start = NOW.plusSeconds(120);
        String base64 = response().with(b -> b.notBefore = start).signAssertion().base64();
        assertFailure(at(start.minusSeconds(SKEW + 1), base64), SamlFailure.NOT_YET_VALID);
        assertValid(at(start.minusSeconds(SKEW), base64));
        assertValid(at(start.minusSeconds(SKEW - 1), base64));
    }

    @Test
    void validatedNotOnOrAfterIsTheEarliestOfConditionsAndBearer() {
        String base64 = response().with(b -> {
            b.notOnOrAfter = NOW.plusSeconds(100);
            b.bearerNotOnOrAfter = NOW.plusSeconds(200);
        }).signAssertion().base64();
        SamlValidation result = at(NOW, base64);
        assertValid(result);
        assertThat(((SamlValidation.Valid) result).assertion().notOnOrAfter()).isEqualTo(NOW.plusSeconds(100));
    }
}
