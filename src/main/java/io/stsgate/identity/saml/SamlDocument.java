package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejected.reject;
import static io.stsgate.identity.saml.SamlRejected.safe;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import net.shibboleth.utilities.java.support.xml.XMLParserException;

/**
 * The document of a SAML Response before anything is trusted in it: size and base64, a hardened parse (no DOCTYPE),
 * the structure that defends against XML signature wrapping (one Response, exactly one Assertion, unique IDs,
 * signatures only where SAML allows them), and the status.
 */
final class SamlDocument {

    private static final String DSIG_NS = SignatureConstants.XMLSIG_NS;
    private static final Set<String> ID_ATTRIBUTES = Set.of("ID", "Id", "id", "AssertionID", "ResponseID");

    private SamlDocument() {
    }

    static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw reject(SamlFailure.MALFORMED, "empty SAML response");
        }
        if (base64.length() > SamlAssertionValidator.MAX_BASE64_CHARS) {
            throw reject(SamlFailure.TOO_LARGE,
                    "SAML response is " + base64.length() + " base64 characters, limit "
                            + SamlAssertionValidator.MAX_BASE64_CHARS);
        }
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw reject(SamlFailure.MALFORMED, "SAML response is not valid base64");
        }
    }

    static Document parse(byte[] xml) {
        if (new String(xml, StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
            throw reject(SamlFailure.DOCTYPE_FORBIDDEN, "SAML response contains a DOCTYPE declaration");
        }
        try {
            return OpenSamlSupport.parserPool().parse(new ByteArrayInputStream(xml));
        } catch (XMLParserException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("DOCTYPE")) {
                    throw reject(SamlFailure.DOCTYPE_FORBIDDEN, "SAML response contains a DOCTYPE declaration");
                }
            }
            throw reject(SamlFailure.MALFORMED, "SAML response is not well-formed XML");
        }
    }

    static <T extends XMLObject> T unmarshall(Element element, Class<T> type) {
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
        if (unmarshaller == null) {
            throw reject(SamlFailure.MALFORMED, "no unmarshaller for " + element.getLocalName());
        }
        try {
            XMLObject object = unmarshaller.unmarshall(element);
            if (!type.isInstance(object)) {
                throw reject(SamlFailure.MALFORMED, "unexpected element " + element.getLocalName());
            }
            return type.cast(object);
        } catch (UnmarshallingException e) {
            throw reject(SamlFailure.MALFORMED, "SAML response could not be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Checks the raw document before anything is read from it and returns the single (Encrypted)Assertion element.
     */
    static Element checkResponseStructure(Element root) {
        rejectDuplicateIds(root, new HashSet<>());
        Document doc = root.getOwnerDocument();
        if (doc.getElementsByTagNameNS(SAMLConstants.SAML20P_NS, "Response").getLength() != 1) {
            throw reject(SamlFailure.WRAPPING, "more than one Response element in the document");
        }
        List<Element> assertions = elements(doc, SAMLConstants.SAML20_NS, "Assertion");
        List<Element> encrypted = elements(doc, SAMLConstants.SAML20_NS, "EncryptedAssertion");
        int total = assertions.size() + encrypted.size();
        if (total == 0) {
            // A non-success Response legitimately carries no assertion: let the status check speak first.
            return null;
        }
        if (total > 1) {
            throw reject(SamlFailure.WRAPPING, "the document contains " + total + " assertions; exactly one allowed");
        }
        Element only = assertions.isEmpty() ? encrypted.get(0) : assertions.get(0);
        if (only.getParentNode() != root) {
            throw reject(SamlFailure.WRAPPING, "the assertion is not a direct child of the Response");
        }
        for (Element signature : elements(doc, DSIG_NS, "Signature")) {
            Node parent = signature.getParentNode();
            if (parent != root && parent != only) {
                throw reject(SamlFailure.WRAPPING, "a Signature element is outside the Response and Assertion");
            }
        }
        rejectSecondSignature(root);
        if (!assertions.isEmpty()) {
            rejectSecondSignature(only);
        }
        return only;
    }

    static void checkDecryptedStructure(Element assertion, Element responseRoot) {
        Set<String> ids = new HashSet<>();
        rejectDuplicateIds(responseRoot, ids);
        rejectDuplicateIds(assertion, ids);
        Document doc = assertion.getOwnerDocument();
        if (doc.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "Assertion").getLength() != 1
                || doc.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "EncryptedAssertion").getLength() != 0
                || doc.getElementsByTagNameNS(SAMLConstants.SAML20P_NS, "Response").getLength() != 0) {
            throw reject(SamlFailure.WRAPPING, "the decrypted assertion contains nested assertions or responses");
        }
        for (Element signature : elements(doc, DSIG_NS, "Signature")) {
            if (signature.getParentNode() != assertion) {
                throw reject(SamlFailure.WRAPPING, "a Signature element is nested inside the decrypted assertion");
            }
        }
        rejectSecondSignature(assertion);
    }

    static void checkStatus(Response response) {
        StatusCode code = response.getStatus() == null ? null : response.getStatus().getStatusCode();
        String value = code == null ? null : code.getValue();
        if (!StatusCode.SUCCESS.equals(value)) {
            throw reject(SamlFailure.STATUS_NOT_SUCCESS, "Response status is " + safe(value));
        }
        if (response.getAssertions().size() + response.getEncryptedAssertions().size() != 1) {
            throw reject(SamlFailure.MALFORMED, "Response contains no assertion");
        }
    }

    private static void rejectSecondSignature(Element parent) {
        int count = 0;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                count++;
            }
        }
        if (count > 1) {
            throw reject(SamlFailure.WRAPPING, parent.getLocalName() + " carries " + count + " signatures");
        }
    }

    private static void rejectDuplicateIds(Element element, Set<String> seen) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if (ID_ATTRIBUTES.contains(name) && !seen.add(attribute.getValue())) {
                throw reject(SamlFailure.WRAPPING, "duplicate ID " + safe(attribute.getValue()) + " in the document");
            }
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                rejectDuplicateIds(child, seen);
            }
        }
    }

    private static List<Element> elements(Document doc, String ns, String localName) {
        NodeList list = doc.getElementsByTagNameNS(ns, localName);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }
}
