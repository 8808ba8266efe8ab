package io.stsgate.api.admin;

import java.util.ArrayList;
import java.util.List;

import io.stsgate.engine.CheckResult;
import io.stsgate.engine.ErrorCode;
import io.stsgate.identity.oidc.OidcFailure;
import io.stsgate.identity.saml.SamlFailure;

/**
 * The identity half of an explanation: the token's or assertion's checks in the order the verifier runs them. The
 * verifier stops at its first failure, so the checks before it passed and those after it were not reached.
 */
final class IdentityChecks {

    static final String PARSED = "token parsed";
    static final String ISSUER = "issuer known";
    static final String SIGNATURE = "signature";
    static final String TIME_WINDOW = "time window";
    static final String AUDIENCE = "audience";
    static final String SUBJECT = "subject";
    static final String ROLE_ASSERTED = "role asserted";

    /** The order of {@code OidcIssuers} and {@code IssuerVerifier}. */
    static final List<String> OIDC = List.of(PARSED, ISSUER, SIGNATURE, TIME_WINDOW, AUDIENCE, SUBJECT);
    /** The order of {@code SamlAssertionValidator}, then the Role attribute. */
    static final List<String> SAML = List.of(ISSUER, PARSED, SIGNATURE, AUDIENCE, TIME_WINDOW, ROLE_ASSERTED);

    private IdentityChecks() {
    }

    static List<CheckResult> allPassed(List<String> order, String message) {
        return order.stream().map(name -> CheckResult.passed(name, message)).toList();
    }

    /** {@code failed} failed with {@code detail}; the checks before it passed, those after it were not reached. */
    static List<CheckResult> failedAt(List<String> order, String failed, String detail, String wireCode) {
        var checks = new ArrayList<CheckResult>();
        boolean reached = true;
        for (String name : order) {
            if (name.equals(failed)) {
                checks.add(CheckResult.failed(name, detail, ErrorCode.ofWireCode(wireCode)));
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
