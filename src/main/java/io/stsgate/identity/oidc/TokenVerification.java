package io.stsgate.identity.oidc;

import java.util.Objects;

/** The outcome of {@link OidcIssuers#verify}: a verified token, or why it was refused. */
public sealed interface TokenVerification {

    /** The signature, issuer, audience, subject and times all check out. */
    record Verified(VerifiedToken token) implements TokenVerification {

        public Verified {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * The token is refused.
     *
     * @param failure the reason code, which carries the AWS wire code and HTTP status
     * @param detail the precise reason for the audit log (which check, which claim, which key id); never the token,
     *        its payload or its signature
     * @param clientMessage the message for the AWS error response, as specific as AWS would be (e.g. the expiry
     *        times or the unknown issuer)
     */
    record Rejected(OidcFailure failure, String detail, String clientMessage) implements TokenVerification {

        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(clientMessage, "clientMessage");
        }

        /** A rejection with the failure's generic client message. */
        public Rejected(OidcFailure failure, String detail) {
            this(failure, detail, failure.clientMessage());
        }
    }
}
