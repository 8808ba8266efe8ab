package io.stsgate.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OidcFailureTest {

    @Test
    void wireCodesFollowAws() {
        for (OidcFailure failure : OidcFailure.values()) {
            assertThat(failure.httpStatus()).isEqualTo(400);
            String expected = switch (failure) {
                case EXPIRED, TOKEN_TOO_OLD -> "ExpiredTokenException";
                case TOO_LARGE -> "ValidationError";
                case IDP_UNREACHABLE -> "IDPCommunicationError";
                default -> "InvalidIdentityToken";
            };
            assertThat(failure.wireCode()).as(failure.name()).isEqualTo(expected);
            assertThat(failure.clientMessage()).isNotBlank();
            assertThat(failure.retryable()).isEqualTo(failure == OidcFailure.IDP_UNREACHABLE);
        }
    }
}
