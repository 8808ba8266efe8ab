package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.TestSamlResponses.base64;
import static io.stsgate.identity.saml.TestSamlResponses.child;
import static io.stsgate.identity.saml.TestSamlResponses.provider;
import static io.stsgate.identity.saml.TestSamlResponses.response;
import static io.stsgate.identity.saml.TestSamlResponses.validator;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML Signature Wrapping XSW1..XSW8 (Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be", 2012), built
 * from genuinely signed Responses, plus the comment-in-NameID truncation (CVE-2017-11427 class).
 */
class SamlWrappingTest {

    private static final String P = SAMLConstants.SAML20P_NS;
    private static final String A = SAMLConstants.SAML20_NS;
    private static final String DS = SignatureConstants.XMLSIG_NS;

    /**
     * Asserts the exact refusal: a wrapped document must be caught by the structure checks (WRAPPING, with the
     * defence named in the detail), before any signature is verified or any value read.
     */
    private static void assertWrapping(Document doc, String defence) {
        SamlValidation result = validator().validate(base64(doc), provider());
        assertThat(result).isInstanceOf(SamlValidation.Invalid.class);
        SamlValidation.Invalid invalid = (SamlValidation.Invalid) result;
        assertThat(invalid.failure()).as(invalid.detail()).isEqualTo(SamlFailure.WRAPPING);
        assertThat(invalid.detail()).contains(defence);
    }

    /** Makes {@code assertion} evil: admin subject and a fresh ID (not shared with the Response) unless {@code keepId}. */
    private static void makeEvil(Element assertion, boolean keepId) {
        if (!keepId) {
            assertion.setAttribute("ID", "_evil-assertion");
        }
        Element subject = child(assertion, A, "Subject");
        child(subject, A, "NameID").setTextContent("admin@example.com");
    }

    private static Element copyWithoutSignature(Element element) {
        Element copy = (Element) element.cloneNode(true);
        for (Node n = copy.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                copy.removeChild(e);
                break;
            }
        }
        return copy;
    }

    private static Document signedResponse() {
        return response().signResponse().document();
    }

    private static Document signedAssertion() {
        return response().signAssertion().document();
    }

    @Test
    void xsw1EvilResponseWithOriginalInsideSignatureThenRefused() {
        Document doc = signedResponse();
        Element root = doc.getDocumentElement();
        Element original = copyWithoutSignature(root);
        root.setAttribute("ID", "_evil-response");
        makeEvil(child(root, A, "Assertion"), false);
        child(root, DS, "Signature").appendChild(original);
        assertWrapping(doc, "more than one Response element");
    }

    @Test
    void xsw2EvilResponseWithOriginalAsDetachedSiblingThenRefused() {
        Document doc = signedResponse();
        Element root = doc.getDocumentElement();
        Element original = copyWithoutSignature(root);
        root.setAttribute("ID", "_evil-response");
        makeEvil(child(root, A, "Assertion"), false);
        root.insertBefore(original, child(root, DS, "Signature"));
        assertWrapping(doc, "more than one Response element");
    }

    @Test
    void xsw3EvilAssertionBeforeSignedAssertionThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element evil = copyWithoutSignature(signed);
        makeEvil(evil, false);
        root.insertBefore(evil, signed);
        assertWrapping(doc, "the document contains 2 assertions");
    }

    @Test
    void xsw4EvilAssertionWrapsSignedAssertionThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element evil = copyWithoutSignature(signed);
        makeEvil(evil, false);
        root.replaceChild(evil, signed);
        evil.appendChild(signed);
        assertWrapping(doc, "the document contains 2 assertions");
    }

    @Test
    void xsw5EvilAssertionKeepsSignatureAndOriginalCopyAppendedThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element original = copyWithoutSignature(signed);
        makeEvil(signed, true);
        root.appendChild(original);
        assertWrapping(doc, "duplicate ID");
    }

    @Test
    void xsw6OriginalAssertionInsideEvilAssertionSignatureThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element original = copyWithoutSignature(signed);
        makeEvil(signed, false);
        child(signed, DS, "Signature").appendChild(original);
        assertWrapping(doc, "the document contains 2 assertions");
    }

    @Test
    void xsw7SignedAssertionHiddenInExtensionsThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element evil = copyWithoutSignature(signed);
        makeEvil(evil, false);
        Element extensions = doc.createElementNS(P, "saml2p:Extensions");
        root.insertBefore(extensions, child(root, P, "Status"));
        extensions.appendChild(signed);
        root.appendChild(evil);
        assertWrapping(doc, "the document contains 2 assertions");
    }

    @Test
    void xsw8OriginalAssertionInsideSignatureObjectThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element original = copyWithoutSignature(signed);
        makeEvil(signed, true);
        Element object = doc.createElementNS(DS, "ds:Object");
        object.appendChild(original);
        child(signed, DS, "Signature").appendChild(object);
        assertWrapping(doc, "duplicate ID");
    }

    @Test
    void validateWhenSignedAssertionMovedIntoUnsignedResponseWithSecondSignatureThenRefused() {
        Document doc = signedAssertion();
        Element root = doc.getDocumentElement();
        Element signed = child(root, A, "Assertion");
        Element secondSignature = (Element) child(signed, DS, "Signature").cloneNode(true);
        signed.appendChild(secondSignature);
        assertWrapping(doc, "Assertion carries 2 signatures");
    }

    @Test
    void validateWhenCommentInsertedInNameIdAfterSigningThenFullSignedValueIsRead() {
        String xml = response().with(b -> b.nameId = "admin.evil@example.com").signAssertion().xml();
        String injected = xml.replace(">admin.evil@example.com<", ">admin<!---->.evil@example.com<");
        assertThat(injected).isNotEqualTo(xml);
        SamlValidation result = validator().validate(base64(injected), provider());
        if (result instanceof SamlValidation.Valid valid) {
            assertThat(valid.assertion().nameId()).isEqualTo("admin.evil@example.com");
        } else {
            assertThat(((SamlValidation.Invalid) result).failure()).isEqualTo(SamlFailure.BAD_SIGNATURE);
        }
    }

    @Test
    void validateWhenCommentInsertedInAttributeValueAfterSigningThenFullSignedValueIsRead() {
        String xml = response().signResponse().xml();
        String injected = xml.replace("role/saml-readonly", "role/saml<!---->-readonly");
        assertThat(injected).isNotEqualTo(xml);
        SamlValidation result = validator().validate(base64(injected), provider());
        if (result instanceof SamlValidation.Valid valid) {
            assertThat(valid.assertion().attribute(TestSamlResponses.ROLE_ATTR))
                    .containsExactly(TestSamlResponses.ROLE_VALUE);
        } else {
            assertThat(((SamlValidation.Invalid) result).failure()).isEqualTo(SamlFailure.BAD_SIGNATURE);
        }
    }
}
