package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.directory.DirectoryFileLoader;

/** The parsed session-policy cache stays bounded and keeps caching once full. */
class SessionPoliciesTest {

    private SessionPolicies policies;

    @BeforeEach
    void setUp() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            policies = new SessionPolicies(DirectoryFileLoader.load("demo", in));
        }
    }

    private static String policy(int n) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::bucket-" + n + "/*\"}]}";
    }

    @Test
    void validateWhenManyDistinctPoliciesThenTheCacheStaysWithinItsBound() {
        for (int i = 0; i < 12_000; i++) {
            policies.validate(policy(i), List.of(), "111111111111");
        }
        assertThat(policies.cachedPolicies()).isLessThanOrEqualTo(SessionPolicies.PARSED_CACHE_SIZE);
    }

    @Test
    void validateWhenTheCacheHasBeenFullThenANewPolicyInUseIsStillCached() {
        for (int i = 0; i < 12_000; i++) {
            policies.validate(policy(i), List.of(), "111111111111");
        }
        String inUse = policy(-1);
        policies.validate(inUse, List.of(), "111111111111");
        policies.validate(inUse, List.of(), "111111111111");
        assertThat(policies.isCached(inUse)).isTrue();
    }
}
