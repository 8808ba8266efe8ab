package io.stsgate.identity.oidc;

import static io.stsgate.identity.oidc.TestProviders.NOW;
import static io.stsgate.identity.oidc.TestProviders.RSA;
import static io.stsgate.identity.oidc.TestProviders.assertRejected;
import static io.stsgate.identity.oidc.TestProviders.assertVerified;
import static io.stsgate.identity.oidc.TestProviders.signed;
import static io.stsgate.identity.oidc.TestProviders.staticProvider;
import static io.stsgate.identity.oidc.TestProviders.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * exp, nbf, iat and the maximum token age at their boundaries (-1 s, 0, +1 s), with the 60 s default skew and a
 * fixed clock at {@link TestProviders#NOW}.
 */
class TimeBoundaryTest {

    private static final long SKEW = 60;
    private static final long NOW_S = NOW.getEpochSecond();

    private final OidcIssuers issuers = TestProviders.issuers(staticProvider());

    private TokenVerification verify(String token) {
        return TestProviders.verify(issuers, token);
    }

    /** Expired when exp <= now - skew. */
    @ParameterizedTest
    @ValueSource(longs = { -1, 0, 1 })
    void expAtNowMinusSkew(long offset) {
        long exp = NOW_S - SKEW + offset;
        String token = signed(token().claim("iat", exp - 300).claim("exp", exp), RSA);
        if (offset <= 0) {
            TokenVerification.Rejected rejected = assertRejected(verify(token), OidcFailure.EXPIRED);
            assertThat(rejected.failure().wireCode()).isEqualTo("ExpiredTokenException");
            assertThat(rejected.clientMessage()).isEqualTo("Token expired: current date/time " + NOW_S
                    + " must be before the expiration date/time " + exp);
        } else {
            assertVerified(verify(token));
        }
    }

    /** Not yet valid when nbf > now + skew. */
    @ParameterizedTest
    @ValueSource(longs = { -1, 0, 1 })
    void nbfAtNowPlusSkew(long offset) {
        String token = signed(token().claim("nbf", NOW_S + SKEW + offset), RSA);
        if (offset > 0) {
            assertRejected(verify(token), OidcFailure.NOT_YET_VALID);
        } else {
            assertVerified(verify(token));
        }
    }

    /** Issued in the future when iat > now + skew. */
    @ParameterizedTest
    @ValueSource(longs = { -1, 0, 1 })
    void iatAtNowPlusSkew(long offset) {
        long iat = NOW_S + SKEW + offset;
        String token = signed(token().claim("iat", iat).claim("exp", iat + 300), RSA);
        if (offset > 0) {
            assertRejected(verify(token), OidcFailure.ISSUED_IN_FUTURE);
        } else {
            assertVerified(verify(token));
        }
    }

    /** Too old when now - iat > maxTokenAge + skew. */
    @ParameterizedTest
    @ValueSource(longs = { -1, 0, 1 })
    void ageAtMaxTokenAgePlusSkew(long offset) {
        Duration maxAge = Duration.ofMinutes(10);
        OidcIssuers aged = TestProviders.issuers(staticProvider().withMaxTokenAge(maxAge));
        long iat = NOW_S - maxAge.toSeconds() - SKEW - offset;
        String token = signed(token().claim("iat", iat).claim("exp", NOW_S + 3600), RSA);
        TokenVerification result = TestProviders.verify(aged, token);
        if (offset > 0) {
            TokenVerification.Rejected rejected = assertRejected(result, OidcFailure.TOKEN_TOO_OLD);
            assertThat(rejected.failure().wireCode()).isEqualTo("ExpiredTokenException");
            assertThat(rejected.clientMessage()).isEqualTo("Token too old: " + (NOW_S - iat));
        } else {
            assertVerified(result);
        }
    }

    /** With no skew the boundaries sit at now itself. */
    @ParameterizedTest
    @ValueSource(longs = { -1, 0, 1 })
    void expAtNowWithoutSkew(long offset) {
        OidcIssuers strict = TestProviders.issuers(staticProvider().withClockSkew(Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String token = signed(token().claim("iat", NOW_S - 300).claim("exp", NOW_S + offset), RSA);
        TokenVerification result = TestProviders.verify(strict, token);
        if (offset <= 0) {
            assertRejected(result, OidcFailure.EXPIRED);
        } else {
            assertVerified(result);
        }
    }
}
