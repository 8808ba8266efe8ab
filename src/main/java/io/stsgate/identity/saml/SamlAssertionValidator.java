package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejected.reject;
import static io.stsgate.identity.saml.SamlRejected.safe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.credential.Credential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validates base64 SAML 2.0 Responses for AssumeRoleWithSAML. Fail-closed: every path that is not explicitly
 * accepted returns {@link SamlValidation.Invalid}; {@link #validate} never throws for bad input.
 *
 * <p>
 * Pipeline: size and base64 → hardened parse (no DOCTYPE) → structure (one Response, exactly one Assertion, unique
 * IDs, signatures only where SAML allows them) → status → decrypt → signatures (profile, algorithm, the provider's
 * keys only, Reference URI bound to the element read) → issuer, destination, bearer confirmation, conditions,
 * audience → replay. The stages live in {@link SamlDocument}, {@link SamlSignatures}, {@link SamlDecryption},
 * {@link SamlConditions} and {@link AssertionClaims}; this class runs them in order.
 */
public final class SamlAssertionValidator {

    /** Maximum length of the base64 input, in characters. */
    public static final int MAX_BASE64_CHARS = 100_000;

    private static final Logger LOG = Logger.getLogger(SamlAssertionValidator.class);

    private static final String UNSPECIFIED_FORMAT = NameIDType.UNSPECIFIED;

    private final Clock clock;
    private final Duration clockSkew;
    private final AssertionReplayCache replay;
    private final SamlDecryption decryption;
    private final SamlConditions conditionChecks;

    public SamlAssertionValidator(ServiceProvider sp, Clock clock, Duration clockSkew, AssertionReplayCache replay) {
        Objects.requireNonNull(sp, "sp");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and 10 minutes");
        }
        this.replay = Objects.requireNonNull(replay, "replay");
        this.decryption = new SamlDecryption(sp);
        this.conditionChecks = new SamlConditions(sp, clockSkew);
        OpenSamlSupport.parserPool();
    }

    /**
     * Initialises OpenSAML now, once per process (later calls return at once; a concurrent one waits for the first):
     * start-up runs it alongside the store's migration instead of after it.
     */
    public static void initialiseOpenSaml() {
        OpenSamlSupport.parserPool();
    }

    /**
     * Validates one Response for one provider, using only that provider's certificates.
     *
     * @param base64Response the {@code SAMLAssertion} / {@code SAMLResponse} parameter
     * @param provider the provider named by the request's PrincipalArn
     * @return {@link SamlValidation.Valid} or {@link SamlValidation.Invalid}; never null, never throws for bad input
     */
    public SamlValidation validate(String base64Response, SamlProviderSettings provider) {
        return validate(base64Response, provider, true);
    }

    /**
     * Every check of {@link #validate} except the replay cache: the assertion id is neither recorded nor looked up. For
     * explaining a refusal to an administrator, never for issuing credentials (a valid result here does not mean the
     * assertion is unused).
     */
    public SamlValidation inspect(String base64Response, SamlProviderSettings provider) {
        return validate(base64Response, provider, false);
    }

    private SamlValidation validate(String base64Response, SamlProviderSettings provider, boolean consume) {
        Objects.requireNonNull(provider, "provider");
        SamlValidation result;
        try {
            result = doValidate(base64Response, provider, consume);
        } catch (SamlRejected r) {
            result = r.invalid();
        } catch (RuntimeException e) {
            // Fail closed on anything unexpected; keep the stack trace out of the client's reach.
            LOG.debugf(e, "SAML validation error for provider %s", provider.arn());
            result = new SamlValidation.Invalid(SamlFailure.MALFORMED,
                    "unexpected validation error: " + e.getClass().getName());
        }
        if (result instanceof SamlValidation.Invalid invalid) {
            LOG.debugf("SAML response refused for %s: %s (%s)", provider.arn(), invalid.failure(), invalid.detail());
        }
        return result;
    }

    private SamlValidation doValidate(String base64Response, SamlProviderSettings provider, boolean consume) {
        byte[] xml = SamlDocument.decode(base64Response);
        Document document = SamlDocument.parse(xml);
        Element root = document.getDocumentElement();
        if (!SAMLConstants.SAML20P_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw reject(SamlFailure.MALFORMED, "root element is not a SAML 2.0 Response");
        }
        Element assertionOrEncrypted = SamlDocument.checkResponseStructure(root);
        Response response = SamlDocument.unmarshall(root, Response.class);
        if (response.getVersion() == null || !SAMLVersion.VERSION_20.equals(response.getVersion())) {
            throw reject(SamlFailure.MALFORMED, "Response version is not 2.0");
        }
        SamlDocument.checkStatus(response);

        List<Credential> keys = SamlSignatures.credentials(provider);
        boolean responseSigned = response.getSignature() != null;
        if (responseSigned) {
            SamlSignatures.verify(response, response.getID(), "Response", keys);
        }

        Assertion assertion;
        if (response.getEncryptedAssertions().size() == 1) {
            assertion = decryption.decrypt(response.getEncryptedAssertions().get(0));
            Element decrypted = assertion.getDOM();
            if (decrypted == null) {
                throw reject(SamlFailure.DECRYPTION_FAILED, "decrypted assertion has no DOM");
            }
            SamlDocument.checkDecryptedStructure(decrypted, root);
        } else {
            assertion = response.getAssertions().size() == 1 ? response.getAssertions().get(0) : null;
            if (assertion == null || assertion.getDOM() != assertionOrEncrypted) {
                throw reject(SamlFailure.WRAPPING, "the assertion read is not the one found in the document");
            }
        }
        boolean assertionSigned = assertion.getSignature() != null;
        if (assertionSigned) {
            SamlSignatures.verify(assertion, assertion.getID(), "Assertion", keys);
        }
        if (!responseSigned && !assertionSigned) {
            throw reject(SamlFailure.UNSIGNED, "neither the Response nor the Assertion is signed");
        }

        SamlConditions.checkIssuer(response.getIssuer(), false, "Response", provider);
        SamlConditions.checkIssuer(assertion.getIssuer(), true, "Assertion", provider);
        conditionChecks.checkDestination(response);
        if (assertion.getVersion() == null || !SAMLVersion.VERSION_20.equals(assertion.getVersion())) {
            throw reject(SamlFailure.MALFORMED, "Assertion version is not 2.0");
        }
        if (assertion.getID() == null || assertion.getID().isBlank()) {
            throw reject(SamlFailure.MALFORMED, "Assertion has no ID");
        }
        Instant now = clock.instant();
        NameID nameId = AssertionClaims.nameId(assertion);
        SubjectConfirmationData bearer = conditionChecks.bearerConfirmation(assertion, now);
        Conditions conditions = conditionChecks.checkConditions(assertion, now);
        String audience = conditionChecks.checkAudience(conditions);

        Instant notOnOrAfter = bearer.getNotOnOrAfter();
        if (conditions.getNotOnOrAfter() != null && conditions.getNotOnOrAfter().isBefore(notOnOrAfter)) {
            notOnOrAfter = conditions.getNotOnOrAfter();
        }
        Map<String, List<String>> attributes = AssertionClaims.attributes(assertion);
        Instant sessionNotOnOrAfter = AssertionClaims.sessionNotOnOrAfter(assertion);

        // Last: only a fully valid assertion may consume its id. Remember it as long as it could be accepted.
        if (consume && !firstUse(assertion.getID(), notOnOrAfter.plus(clockSkew))) {
            throw reject(SamlFailure.REPLAYED, "assertion id " + safe(assertion.getID()) + " was already used");
        }
        String format = nameId.getFormat() == null ? UNSPECIFIED_FORMAT : nameId.getFormat();
        return new SamlValidation.Valid(new VerifiedAssertion(assertion.getIssuer().getValue(), nameId.getValue(),
                format, bearer.getRecipient(), audience, assertion.getID(), notOnOrAfter, sessionNotOnOrAfter,
                attributes, SamlConditions.inResponseTo(responseSigned ? response.getInResponseTo() : null, bearer)));
    }

    /** The replay cache's answer; when it cannot answer, the caller may retry: the assertion itself is fine. */
    private boolean firstUse(String assertionId, Instant expiresAt) {
        try {
            return replay.firstUse(assertionId, expiresAt);
        } catch (RuntimeException e) {
            throw reject(SamlFailure.REPLAY_CHECK_UNAVAILABLE,
                    "the replay cache could not be reached: " + e.getClass().getSimpleName());
        }
    }
}
