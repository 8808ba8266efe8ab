package io.stsgate.identity.saml;

import java.util.Objects;

/**
 * The outcome of validating one SAML Response: exactly one of {@link Valid} or {@link Invalid}.
 */
public sealed interface SamlValidation {

    /** The Response passed every check; the assertion may be used once. */
    record Valid(VerifiedAssertion assertion) implements SamlValidation {
        public Valid {
            Objects.requireNonNull(assertion, "assertion");
        }
    }

    /**
     * The Response was refused.
     *
     * @param failure the reason, mapped to the wire error
     * @param detail a precise explanation for the audit log; never contains the assertion or attribute values
     */
    record Invalid(SamlFailure failure, String detail) implements SamlValidation {
        public Invalid {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
