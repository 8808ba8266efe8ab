package io.stsgate.federation;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.engine.CheckResult;
import io.stsgate.engine.StsException;
import io.stsgate.identity.oidc.OidcFailure;
import io.stsgate.identity.saml.SamlFailure;

/**
 * The proof's own checks, in the order each kind runs them: the verifier's, then the reading of the session claims or
 * attributes. The proof stops at its first refusal in issuance and explain alike (a token with a bad signature has no
 * audience worth reading), so the checks before it passed and those after it were not reached.
 */
public final class ProofChecks {

    public static final String PARSED = "token parsed";
    public static final String ISSUER = "issuer known";
    public static final String SIGNATURE = "signature";
    public static final String TIME_WINDOW = "time window";
    public static final String AUDIENCE = "audience";
    public static final String SUBJECT = "subject";
    public static final String ROLE_ASSERTED = "role asserted";
    public static final String SESSION_CLAIMS = "session claims";
    public static final String SESSION_ATTRIBUTES = "session attributes";

    /** The order of {@code OidcIssuers} and {@code IssuerVerifier}, then the provider's reading of the claims. */
    static final List<String> WEB_IDENTITY = List.of(PARSED, ISSUER, SIGNATURE, TIME_WINDOW, AUDIENCE, SUBJECT,
            SESSION_CLAIMS);
    /** The order of {@code SamlAssertionValidator}, then the Role attribute and the session attributes. */
    static final List<String> SAML = List.of(ISSUER, PARSED, SIGNATURE, AUDIENCE, TIME_WINDOW, ROLE_ASSERTED,
            SESSION_ATTRIBUTES);

    private ProofChecks() {
    }

    static List<CheckResult> passed(List<String> order) {
        return order.stream().map(name -> CheckResult.passed(name, "passed")).toList();
    }

    /** {@code failed} refused with {@code refusal}; the checks before it passed, those after it were not reached. */
    static List<CheckResult> failedAt(List<String> order, String failed, StsException refusal) {
        var checks = new ArrayList<CheckResult>();
        boolean reached = true;
        for (String name : order) {
            if (name.equals(failed)) {
                checks.add(CheckResult.failed(name, refusal));
                reached = false;
            } else if (reached) {
                checks.add(CheckResult.passed(name, "passed"));
            } else {
                checks.add(CheckResult.skipped(name, "not reached: an earlier check failed"));
            }
        }
        return checks;
    }

    static String check(OidcFailure failure) {
        return switch (failure) {
            case MALFORMED, TOO_LARGE -> PARSED;
            case UNKNOWN_ISSUER -> ISSUER;
            case ALGORITHM_NOT_ALLOWED, UNKNOWN_KEY, KEY_ID_INVALID, WEAK_KEY, BAD_SIGNATURE, IDP_UNREACHABLE ->
                SIGNATURE;
            case EXPIRED, NOT_YET_VALID, ISSUED_IN_FUTURE, TOKEN_TOO_OLD -> TIME_WINDOW;
            case MISSING_AUDIENCE, WRONG_AUDIENCE -> AUDIENCE;
            case MISSING_SUBJECT -> SUBJECT;
        };
    }

    static String check(SamlFailure failure) {
        return switch (failure) {
            case UNSIGNED, BAD_SIGNATURE, WRAPPING -> SIGNATURE;
            case WRONG_ISSUER -> ISSUER;
            case WRONG_DESTINATION, WRONG_RECIPIENT, WRONG_AUDIENCE -> AUDIENCE;
            case EXPIRED, NOT_YET_VALID -> TIME_WINDOW;
            default -> PARSED;
        };
    }
}
