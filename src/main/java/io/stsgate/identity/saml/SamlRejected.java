package io.stsgate.identity.saml;

/**
 * A refusal carried out of the validation pipeline: internal control flow that {@link SamlAssertionValidator} turns
 * into its {@link SamlValidation.Invalid} result; it never escapes the validator.
 */
final class SamlRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient SamlValidation.Invalid invalid;

    private SamlRejected(SamlValidation.Invalid invalid) {
        super(invalid.detail(), null, false, false);
        this.invalid = invalid;
    }

    SamlValidation.Invalid invalid() {
        return invalid;
    }

    static SamlRejected reject(SamlFailure failure, String detail) {
        return new SamlRejected(new SamlValidation.Invalid(failure, detail));
    }

    /** Values quoted in details come from the IdP: bound their length and drop control characters. */
    static String safe(String value) {
        if (value == null) {
            return "(none)";
        }
        String bounded = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return "'" + bounded.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
