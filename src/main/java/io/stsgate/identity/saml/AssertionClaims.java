package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejected.reject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.NameID;
import org.w3c.dom.Element;

/** What a valid assertion says about its subject: the NameID, the attributes and the session's end. */
final class AssertionClaims {

    private AssertionClaims() {
    }

    static NameID nameId(Assertion assertion) {
        if (assertion.getSubject() == null || assertion.getSubject().getNameID() == null
                || assertion.getSubject().getNameID().getValue() == null
                || assertion.getSubject().getNameID().getValue().isBlank()) {
            throw reject(SamlFailure.MALFORMED, "Assertion has no Subject NameID");
        }
        return assertion.getSubject().getNameID();
    }

    static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getName() == null) {
                    continue;
                }
                List<String> values = result.computeIfAbsent(attribute.getName(), k -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    Element dom = value.getDOM();
                    if (dom != null) {
                        values.add(dom.getTextContent());
                    }
                }
            }
        }
        Map<String, List<String>> immutable = new LinkedHashMap<>();
        result.forEach((name, values) -> immutable.put(name, List.copyOf(values)));
        return immutable;
    }

    static Instant sessionNotOnOrAfter(Assertion assertion) {
        Instant earliest = null;
        for (AuthnStatement statement : assertion.getAuthnStatements()) {
            Instant value = statement.getSessionNotOnOrAfter();
            if (value != null && (earliest == null || value.isBefore(earliest))) {
                earliest = value;
            }
        }
        return earliest;
    }
}
