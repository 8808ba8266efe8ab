package io.stsgate.identity.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the SigV4 tests. */
final class SigV4Assertions {

    private SigV4Assertions() {
    }

    /** Asserts a rejection with {@code failure}; checks the message never carries a secret or the token. */
    static String assertRejected(SigV4Result<?> result, SigV4Failure failure) {
        assertThat(result).isInstanceOf(SigV4Result.Rejected.class);
        SigV4Result.Rejected<?> rejected = (SigV4Result.Rejected<?>) result;
        assertThat(rejected.failure()).isEqualTo(failure);
        assertThat(rejected.message())
                .isNotBlank()
                .doesNotContain(TestSignedRequests.SECRET)
                .doesNotContain(TestSignedRequests.SESSION_SECRET)
                .doesNotContain(TestSignedRequests.SESSION_TOKEN)
                .doesNotContain(TestSignedRequests.SESSION_TOKEN.substring(0, 16));
        return rejected.message();
    }

    static <P> SigV4Result.Verified<P> assertVerified(SigV4Result<P> result) {
        assertThat(result).as("%s", result).isInstanceOf(SigV4Result.Verified.class);
        return (SigV4Result.Verified<P>) result;
    }
}
