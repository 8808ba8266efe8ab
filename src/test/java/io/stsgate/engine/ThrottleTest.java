package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.audit.ReasonCode;
import io.stsgate.testsupport.MovableClock;

class ThrottleTest {

    private final MovableClock clock = MovableClock.atNow();

    @Test
    void whenABurstIsSpentThenTheNextRequestIsThrottledWithAwsError() {
        var throttle = throttle(new ThrottleLimit(1, 3), 100, new ThrottleLimit(1, 10));

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit(ThrottleGroup.WEB_IDENTITY, "203.0.113.7")).isEqualTo(ThrottleVerdict.ADMITTED);
        }
        var verdict = throttle.admit(ThrottleGroup.WEB_IDENTITY, "203.0.113.7");

        assertThat(verdict).isInstanceOf(ThrottleVerdict.Throttled.class);
        StsException error = ((ThrottleVerdict.Throttled) verdict).error();
        assertThat(error.code().wireCode()).isEqualTo("Throttling");
        assertThat(error.code().httpStatus()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("Rate exceeded");
        assertThat(error.reason()).isEqualTo(ReasonCode.THROTTLED);
        assertThat(throttle.throttled(ThrottleGroup.WEB_IDENTITY)).isEqualTo(1);
    }

    @Test
    void whenTimePassesThenTheBucketRefillsAtItsRate() {
        var throttle = throttle(new ThrottleLimit(2, 2), 100, new ThrottleLimit(1, 10));
        throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE");
        throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE");
        assertThat(throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE")).isNotEqualTo(ThrottleVerdict.ADMITTED);

        clock.advance(Duration.ofMillis(499));
        assertThat(throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE")).isNotEqualTo(ThrottleVerdict.ADMITTED);
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE")).isEqualTo(ThrottleVerdict.ADMITTED);
        clock.advance(Duration.ofHours(1));
        assertThat(throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE")).isEqualTo(ThrottleVerdict.ADMITTED);
        assertThat(throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE")).isEqualTo(ThrottleVerdict.ADMITTED);
        assertThat(throttle.admit(ThrottleGroup.SIGNED_READ, "AKIAEXAMPLE"))
                .as("a long pause refills the burst, no more").isNotEqualTo(ThrottleVerdict.ADMITTED);
    }

    @Test
    void whenOneKeyIsThrottledThenOtherKeysAndGroupsAreNot() {
        var throttle = throttle(new ThrottleLimit(1, 1), 100, new ThrottleLimit(1, 10));
        throttle.admit(ThrottleGroup.WEB_IDENTITY, "203.0.113.7");
        assertThat(throttle.admit(ThrottleGroup.WEB_IDENTITY, "203.0.113.7")).isNotEqualTo(ThrottleVerdict.ADMITTED);

        assertThat(throttle.admit(ThrottleGroup.WEB_IDENTITY, "203.0.113.8")).isEqualTo(ThrottleVerdict.ADMITTED);
        assertThat(throttle.admit(ThrottleGroup.SAML, "203.0.113.7")).isEqualTo(ThrottleVerdict.ADMITTED);
    }

    @Test
    void whenManyKeysArriveThenTheBucketsStayBounded() {
        var throttle = throttle(new ThrottleLimit(1, 1), 1_000, new ThrottleLimit(1, 10));

        for (int i = 0; i < 50_000; i++) {
            throttle.admit(ThrottleGroup.WEB_IDENTITY, "10.0." + (i >> 8) + "." + (i & 0xff));
        }

        assertThat(throttle.trackedKeys(ThrottleGroup.WEB_IDENTITY)).isLessThanOrEqualTo(1_000);
    }

    @Test
    void whenRequestsAreThrottledThenOnlyABoundedSampleIsAuditedAndEachSampleCountsTheRest() {
        var throttle = throttle(new ThrottleLimit(1, 1), 100, new ThrottleLimit(1, 2));
        throttle.admit(ThrottleGroup.SAML_BROWSER, "203.0.113.7");
        List<ThrottleVerdict.Throttled> verdicts = new ArrayList<>();

        for (int i = 0; i < 100; i++) {
            verdicts.add((ThrottleVerdict.Throttled) throttle.admit(ThrottleGroup.SAML_BROWSER, "203.0.113.7"));
        }

        assertThat(verdicts).filteredOn(ThrottleVerdict.Throttled::audited).hasSize(2);
        assertThat(throttle.throttled(ThrottleGroup.SAML_BROWSER)).isEqualTo(100);
        clock.advance(Duration.ofSeconds(1));
        throttle.admit(ThrottleGroup.SAML_BROWSER, "203.0.113.7");
        var sampled = (ThrottleVerdict.Throttled) throttle.admit(ThrottleGroup.SAML_BROWSER, "203.0.113.7");
        assertThat(sampled.audited()).isTrue();
        assertThat(sampled.unauditedBefore()).isEqualTo(98);
        assertThat(sampled.error().detail()).contains("saml-browser").contains("98");
    }

    @Test
    void whenALimitIsNotPositiveThenItIsRefused() {
        assertThatThrownBy(() -> new ThrottleLimit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleLimit(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGroupsFollowTheActions() {
        assertThat(ThrottleGroup.ofAction("AssumeRoleWithWebIdentity")).contains(ThrottleGroup.WEB_IDENTITY);
        assertThat(ThrottleGroup.ofAction("AssumeRoleWithSAML")).contains(ThrottleGroup.SAML);
        assertThat(ThrottleGroup.ofAction("AssumeRole")).contains(ThrottleGroup.SIGNED_ISSUE);
        assertThat(ThrottleGroup.ofAction("GetCallerIdentity")).contains(ThrottleGroup.SIGNED_READ);
        assertThat(ThrottleGroup.SIGNED_READ.perCaller()).isTrue();
        assertThat(ThrottleGroup.WEB_IDENTITY.perCaller()).isFalse();
    }

    private Throttle throttle(ThrottleLimit each, int maxKeys, ThrottleLimit auditSample) {
        Map<ThrottleGroup, ThrottleLimit> limits = new EnumMap<>(ThrottleGroup.class);
        for (ThrottleGroup group : ThrottleGroup.values()) {
            limits.put(group, each);
        }
        return new Throttle(limits, maxKeys, auditSample, clock);
    }
}
