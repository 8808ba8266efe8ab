package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejected.reject;
import static io.stsgate.identity.saml.SamlRejected.safe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * What a verified assertion must say to be accepted here: the provider as issuer, this service provider as
 * destination, recipient and audience, one bearer confirmation, and times within their window (with the clock skew).
 */
final class SamlConditions {

    private final ServiceProvider sp;
    private final Duration clockSkew;

    SamlConditions(ServiceProvider sp, Duration clockSkew) {
        this.sp = sp;
        this.clockSkew = clockSkew;
    }

    static void checkIssuer(Issuer issuer, boolean required, String what, SamlProviderSettings provider) {
        if (issuer == null) {
            if (required) {
                throw reject(SamlFailure.WRONG_ISSUER, what + " has no Issuer");
            }
            return;
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw reject(SamlFailure.WRONG_ISSUER, what + " Issuer format is not entity");
        }
        if (!provider.entityId().equals(issuer.getValue())) {
            throw reject(SamlFailure.WRONG_ISSUER,
                    what + " Issuer " + safe(issuer.getValue()) + " is not " + safe(provider.entityId()));
        }
    }

    void checkDestination(Response response) {
        String destination = response.getDestination();
        if (destination != null && !sp.acceptedRecipients().contains(destination)) {
            throw reject(SamlFailure.WRONG_DESTINATION, "Response Destination " + safe(destination) + " not accepted");
        }
    }

    SubjectConfirmationData bearerConfirmation(Assertion assertion, Instant now) {
        List<SubjectConfirmation> bearers = new ArrayList<>();
        for (SubjectConfirmation confirmation : assertion.getSubject().getSubjectConfirmations()) {
            if (SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
                bearers.add(confirmation);
            }
        }
        if (bearers.size() != 1) {
            throw reject(SamlFailure.NO_BEARER_CONFIRMATION,
                    "Assertion has " + bearers.size() + " bearer SubjectConfirmations; exactly one required");
        }
        SubjectConfirmationData data = bearers.get(0).getSubjectConfirmationData();
        if (data == null || data.getNotOnOrAfter() == null) {
            throw reject(SamlFailure.NO_BEARER_CONFIRMATION, "bearer SubjectConfirmationData has no NotOnOrAfter");
        }
        if (data.getRecipient() == null || !sp.acceptedRecipients().contains(data.getRecipient())) {
            throw reject(SamlFailure.WRONG_RECIPIENT,
                    "bearer Recipient " + safe(data.getRecipient()) + " is not an accepted recipient");
        }
        if (expired(data.getNotOnOrAfter(), now)) {
            throw reject(SamlFailure.EXPIRED, "bearer SubjectConfirmationData NotOnOrAfter " + data.getNotOnOrAfter()
                    + " has passed (now " + now + ", skew " + clockSkew + ")");
        }
        if (data.getNotBefore() != null && notYetValid(data.getNotBefore(), now)) {
            throw reject(SamlFailure.NOT_YET_VALID, "bearer SubjectConfirmationData NotBefore " + data.getNotBefore()
                    + " is in the future (now " + now + ", skew " + clockSkew + ")");
        }
        return data;
    }

    /**
     * The request this Response answers, from signed parts only: the bearer confirmation's InResponseTo (inside the
     * assertion) and, when the Response itself is signed, the Response's. Both present and different is refused.
     */
    static String inResponseTo(String signedResponseValue, SubjectConfirmationData bearer) {
        String confirmed = bearer.getInResponseTo();
        if (signedResponseValue != null && confirmed != null && !signedResponseValue.equals(confirmed)) {
            throw reject(SamlFailure.MALFORMED, "Response InResponseTo differs from the bearer confirmation's");
        }
        return confirmed != null ? confirmed : signedResponseValue;
    }

    Conditions checkConditions(Assertion assertion, Instant now) {
        Conditions conditions = assertion.getConditions();
        if (conditions == null) {
            throw reject(SamlFailure.WRONG_AUDIENCE, "Assertion has no Conditions, hence no AudienceRestriction");
        }
        if (conditions.getNotBefore() != null && notYetValid(conditions.getNotBefore(), now)) {
            throw reject(SamlFailure.NOT_YET_VALID, "Conditions NotBefore " + conditions.getNotBefore()
                    + " is in the future (now " + now + ", skew " + clockSkew + ")");
        }
        if (conditions.getNotOnOrAfter() != null && expired(conditions.getNotOnOrAfter(), now)) {
            throw reject(SamlFailure.EXPIRED, "Conditions NotOnOrAfter " + conditions.getNotOnOrAfter()
                    + " has passed (now " + now + ", skew " + clockSkew + ")");
        }
        return conditions;
    }

    /** Every AudienceRestriction must name the SP (SAML core 2.5.1.4); at least one is required. */
    String checkAudience(Conditions conditions) {
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw reject(SamlFailure.WRONG_AUDIENCE, "Assertion has no AudienceRestriction");
        }
        for (AudienceRestriction restriction : restrictions) {
            boolean found = false;
            for (Audience audience : restriction.getAudiences()) {
                found |= sp.entityId().equals(audience.getURI());
            }
            if (!found) {
                throw reject(SamlFailure.WRONG_AUDIENCE,
                        "an AudienceRestriction does not contain " + safe(sp.entityId()));
            }
        }
        return sp.entityId();
    }

    private boolean expired(Instant notOnOrAfter, Instant now) {
        return !now.isBefore(notOnOrAfter.plus(clockSkew));
    }

    private boolean notYetValid(Instant notBefore, Instant now) {
        return now.isBefore(notBefore.minus(clockSkew));
    }
}
