package io.stsgate.api.saml;

import io.stsgate.audit.ReasonCode;
import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;
import io.stsgate.federation.SamlPrincipals;
import io.stsgate.identity.saml.SamlValidation;

/**
 * Why the browser sign-in stops: the HTTP status and a short message the user may see, plus the audit's error code,
 * reason and detail. Like {@link StsException}, the message never quotes the assertion or a token.
 */
final class BridgeRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String errorCode;
    private final ReasonCode reason;
    private final String detail;
    private final boolean signInAgain;

    private BridgeRefusal(int status, String title, String message, String errorCode, ReasonCode reason,
            String detail) {
        this(status, title, message, errorCode, reason, detail, false);
    }

    private BridgeRefusal(int status, String title, String message, String errorCode, ReasonCode reason,
            String detail, boolean signInAgain) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
        this.errorCode = errorCode;
        this.reason = reason;
        this.detail = detail;
        this.signInAgain = signInAgain;
    }

    /** The same refusal, whose page links to a fresh sign-in: a used, expired or stray sign-in is fixed that way. */
    private BridgeRefusal offeringSignIn() {
        return new BridgeRefusal(status, title, getMessage(), errorCode, reason, detail, true);
    }

    /** Whether starting a new sign-in is the way out, so the page links to it. */
    boolean signInAgain() {
        return signInAgain;
    }

    static BridgeRefusal badAssertion(SamlValidation.Invalid invalid) {
        var failure = invalid.failure();
        return new BridgeRefusal(failure.httpStatus(), "Sign-in refused",
                "Your identity provider's response was not accepted: " + failure.clientMessage() + ".",
                failure.wireCode(), SamlPrincipals.refusalReason(failure), invalid.detail());
    }

    static BridgeRefusal missingResponse() {
        return new BridgeRefusal(400, "Sign-in refused", "The request carries no SAML response.",
                ErrorCode.INVALID_IDENTITY_TOKEN.wireCode(), ReasonCode.SAML_INVALID, "no SAMLResponse parameter");
    }

    static BridgeRefusal noProvider() {
        return new BridgeRefusal(400, "Sign-in refused", "No SAML identity provider is registered here.",
                ErrorCode.INVALID_IDENTITY_TOKEN.wireCode(), ReasonCode.SAML_PROVIDER_UNKNOWN,
                "the directory has no SAML provider with a signing certificate");
    }

    static BridgeRefusal noRoles() {
        return new BridgeRefusal(403, "No role available",
                "Your identity provider grants no role that exists here. Ask your administrator for access.",
                ErrorCode.ACCESS_DENIED.wireCode(), ReasonCode.SAML_ROLE_NOT_ASSERTED,
                "no Role attribute pair names an existing role and an equivalent provider");
    }

    static BridgeRefusal continuationMissing() {
        return new BridgeRefusal(400, "Sign-in incomplete", "The role choice is not linked to a sign-in.",
                ErrorCode.MISSING_PARAMETER.wireCode(), ReasonCode.INVALID_PARAMETER, "no continuation parameter");
    }

    static BridgeRefusal continuationUnknown() {
        return new BridgeRefusal(400, "Sign-in already used",
                "This sign-in was already used or is unknown. Sign in again at your identity provider.",
                ErrorCode.INVALID_PARAMETER_VALUE.wireCode(), ReasonCode.INVALID_PARAMETER,
                "continuation unknown or already consumed").offeringSignIn();
    }

    static BridgeRefusal continuationExpired() {
        return new BridgeRefusal(400, "Sign-in expired",
                "The role was not chosen in time. Sign in again at your identity provider.",
                ErrorCode.EXPIRED_TOKEN_EXCEPTION.wireCode(), ReasonCode.SAML_EXPIRED, "continuation expired").offeringSignIn();
    }

    static BridgeRefusal csrfMissing() {
        return new BridgeRefusal(403, "Request refused",
                "The role choice did not come from this browser's sign-in page. Sign in again.",
                ErrorCode.ACCESS_DENIED.wireCode(), ReasonCode.INVALID_PARAMETER,
                "CSRF token missing from the form or the cookie").offeringSignIn();
    }

    static BridgeRefusal csrfWrong() {
        return new BridgeRefusal(403, "Request refused",
                "The role choice did not come from this browser's sign-in page. Sign in again.",
                ErrorCode.ACCESS_DENIED.wireCode(), ReasonCode.INVALID_PARAMETER,
                "CSRF token in the form or the cookie does not match the sign-in").offeringSignIn();
    }

    static BridgeRefusal roleNotOffered() {
        return new BridgeRefusal(403, "Role not available", "That role was not offered by this sign-in.",
                ErrorCode.ACCESS_DENIED.wireCode(), ReasonCode.SAML_ROLE_NOT_ASSERTED,
                "the chosen role and provider were not among the offered pairs");
    }

    static BridgeRefusal requestUnmatched(String detail) {
        return new BridgeRefusal(400, "Sign-in refused",
                "Your identity provider's response does not answer a sign-in started here. Sign in again.",
                ErrorCode.INVALID_IDENTITY_TOKEN.wireCode(), ReasonCode.SAML_REQUEST_UNMATCHED, detail);
    }

    static BridgeRefusal requestExpired() {
        return new BridgeRefusal(400, "Sign-in expired",
                "The sign-in at your identity provider took too long. Sign in again.",
                ErrorCode.EXPIRED_TOKEN_EXCEPTION.wireCode(), ReasonCode.SAML_EXPIRED,
                "the AuthnRequest this Response answers has expired").offeringSignIn();
    }

    static BridgeRefusal providerWithoutSignIn(String detail) {
        return new BridgeRefusal(404, "No sign-in here",
                "No identity provider to sign in with was found. Ask your administrator for the sign-in link.",
                ErrorCode.INVALID_PARAMETER_VALUE.wireCode(), ReasonCode.SAML_PROVIDER_UNKNOWN, detail);
    }

    static BridgeRefusal signInTooLarge() {
        return new BridgeRefusal(400, "Sign-in too large",
                "Your identity provider's response carries more than the browser sign-in can hold. Ask your "
                        + "administrator, or exchange it with AssumeRoleWithSAML.",
                ErrorCode.INVALID_IDENTITY_TOKEN.wireCode(), ReasonCode.SAML_INVALID,
                "sealed continuation exceeds the token size limit");
    }

    static BridgeRefusal methodNotAllowed() {
        return new BridgeRefusal(405, "Method not allowed",
                "This address only accepts a form post from your identity provider or the role picker.",
                ErrorCode.INVALID_ACTION.wireCode(), ReasonCode.INVALID_PARAMETER, "GET on a POST-only address");
    }

    /** An engine refusal: its message is already the client-safe one AssumeRoleWithSAML sends. */
    static BridgeRefusal of(StsException e) {
        int status = e.code().httpStatus();
        return new BridgeRefusal(status, status == 403 ? "Access denied" : "Sign-in refused", e.getMessage(),
                e.code().wireCode(), e.reason(), e.detail());
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String errorCode() {
        return errorCode;
    }

    ReasonCode reason() {
        return reason;
    }

    String detail() {
        return detail;
    }
}
