package io.stsgate.identity.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Random damage to valid requests never makes the verifier throw, and never verifies. */
class SigV4RobustnessTest {

    private static final String NOISE = "=&,;/% +\t\u00e9\u2713aZ09-_.~\u0000";

    private final SigV4Verifier verifier = new SigV4Verifier(
            Clock.fixed(TestSignedRequests.SIGNED_AT, ZoneOffset.UTC), Duration.ofMinutes(15));

    @Test
    void whenAuthorizationHeaderIsRandomlyDamagedThenRejectedWithoutException() {
        SignedRequest valid = TestSignedRequests.sign(TestSignedRequests.post(TestSignedRequests.FORM_BODY),
                TestSignedRequests.FORM_BODY, TestSignedRequests.session(), TestSignedRequests.SIGNED_AT);
        String authorization = TestSignedRequests.authorization(valid);
        Random random = new Random(42);

        for (int i = 0; i < 3000; i++) {
            String damaged = damage(authorization, random);
            if (damaged.replaceAll("\\s", "").equals(authorization.replaceAll("\\s", ""))) {
                continue; // only whitespace around separators changed: still the same header
            }
            SignedRequest request = TestSignedRequests.withHeader(valid, "Authorization", damaged);
            assertNeverThrowsAndNeverVerifies(request, damaged);
        }
    }

    @Test
    void whenPresignedQueryIsRandomlyDamagedThenRejectedWithoutException() {
        SignedRequest valid = TestSignedRequests.presign(TestSignedRequests.get(), TestSignedRequests.session(),
                TestSignedRequests.SIGNED_AT, Duration.ofHours(1));
        Random random = new Random(7);

        for (int i = 0; i < 3000; i++) {
            String damaged = damage(valid.rawQuery(), random);
            if (damaged.equals(valid.rawQuery())) {
                continue;
            }
            assertNeverThrowsAndNeverVerifiesUnlessEquivalent(TestSignedRequests.withQuery(valid, damaged), damaged);
        }
    }

    @Test
    void whenHeadersAndBodyAreOddThenRejectedWithoutException() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(null, List.of("x"));
        headers.put("X-Null", null);
        headers.put("Authorization", java.util.Arrays.asList((String) null));
        assertThatCode(() -> verifier.verify(new SignedRequest("GET", null, null, headers, null),
                new RecordingResolver())).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new SignedRequest("GET", "", "&&&=&", null, new byte[0]),
                new RecordingResolver())).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new SignedRequest("GET", "/", "%", Map.of(), new byte[0]),
                new RecordingResolver())).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(new SignedRequest("GET", "/", "X-Amz-Signature", Map.of(),
                "x".getBytes(StandardCharsets.UTF_8)), new RecordingResolver())).doesNotThrowAnyException();
    }

    private void assertNeverThrowsAndNeverVerifies(SignedRequest request, String damaged) {
        SigV4Result<?>[] result = new SigV4Result<?>[1];
        assertThatCode(() -> result[0] = verifier.verify(request, new RecordingResolver())).as(damaged)
                .doesNotThrowAnyException();
        assertThat(result[0]).as(damaged).isInstanceOf(SigV4Result.Rejected.class);
    }

    /** Some query damage is harmless (e.g. '%41' for 'A'); anything that still verifies must decode identically. */
    private void assertNeverThrowsAndNeverVerifiesUnlessEquivalent(SignedRequest request, String damaged) {
        SigV4Result<?>[] result = new SigV4Result<?>[1];
        assertThatCode(() -> result[0] = verifier.verify(request, new RecordingResolver())).as(damaged)
                .doesNotThrowAnyException();
        if (result[0] instanceof SigV4Result.Verified) {
            assertThat(damaged).as("verified despite damage").containsAnyOf("%", "&&");
        }
    }

    private static String damage(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                default -> out.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        return out.toString();
    }
}
