package io.stsgate.identity.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a validated, signed assertion says. Nothing here comes from unsigned parts of the Response.
 *
 * @param issuer the assertion Issuer (equal to the provider's entity id)
 * @param nameId the Subject NameID value
 * @param nameIdFormat the NameID Format, or {@code urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified} when absent
 * @param recipient the bearer SubjectConfirmationData Recipient (one of the accepted recipients)
 * @param audience the matched Audience (the SP entity id)
 * @param assertionId the assertion ID
 * @param notOnOrAfter the earliest of the Conditions and bearer confirmation NotOnOrAfter
 * @param sessionNotOnOrAfter the earliest AuthnStatement SessionNotOnOrAfter, or null
 * @param attributes attribute Name to values, in document order
 * @param inResponseTo the id of the AuthnRequest this answers (signed), or null for an unsolicited Response
 */
public record VerifiedAssertion(String issuer, String nameId, String nameIdFormat, String recipient, String audience,
        String assertionId, Instant notOnOrAfter, Instant sessionNotOnOrAfter, Map<String, List<String>> attributes,
        String inResponseTo) {

    public VerifiedAssertion {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        attributes = Map.copyOf(attributes);
    }

    /** The values of one attribute, empty when absent. */
    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    @Override
    public String toString() {
        // Attribute values and the subject may be personal data: keep them out of logs.
        return "VerifiedAssertion[issuer=" + issuer + ", assertionId=" + assertionId + ", attributes="
                + attributes.keySet() + "]";
    }
}
