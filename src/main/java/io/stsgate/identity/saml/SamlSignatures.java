package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejected.reject;
import static io.stsgate.identity.saml.SamlRejected.safe;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Signatures of a Response or an Assertion: the SAML signature profile, allowed algorithms, the provider's keys only,
 * and the one Reference bound to the very element that is read.
 */
final class SamlSignatures {

    private static final String DSIG_NS = SignatureConstants.XMLSIG_NS;
    private static final Set<String> SIGNATURE_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512);
    private static final Set<String> DIGEST_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);
    private static final SAMLSignatureProfileValidator PROFILE_VALIDATOR = new SAMLSignatureProfileValidator();

    private SamlSignatures() {
    }

    static List<Credential> credentials(SamlProviderSettings provider) {
        List<Credential> result = new ArrayList<>(provider.signingCertificates().size());
        for (X509Certificate certificate : provider.signingCertificates()) {
            result.add(new BasicX509Credential(certificate));
        }
        return result;
    }

    /**
     * Verifies an enveloped signature and binds it to the element it sits in: exactly one Reference whose URI is
     * {@code #ID} of that element, the ID registered and resolving to the very same DOM node.
     */
    static void verify(SignableSAMLObject signed, String id, String what, List<Credential> keys) {
        Signature signature = signed.getSignature();
        Element element = signed.getDOM();
        Element signatureElement = signature.getDOM();
        if (element == null || signatureElement == null || signatureElement.getParentNode() != element) {
            throw reject(SamlFailure.WRAPPING, what + " signature is not enveloped in the " + what);
        }
        if (id == null || id.isBlank()) {
            throw reject(SamlFailure.WRAPPING, "signed " + what + " has no ID");
        }
        if (element.getOwnerDocument().getElementById(id) != element) {
            throw reject(SamlFailure.WRAPPING, what + " ID does not resolve to the signed " + what);
        }
        List<Element> references = new ArrayList<>();
        NodeList refs = signatureElement.getElementsByTagNameNS(DSIG_NS, "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            references.add((Element) refs.item(i));
        }
        if (references.size() != 1) {
            throw reject(SamlFailure.WRAPPING, what + " signature has " + references.size() + " references");
        }
        Element reference = references.get(0);
        if (!("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
            throw reject(SamlFailure.WRAPPING, what + " signature reference does not point to the " + what);
        }
        String signatureAlgorithm = signature.getSignatureAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(signatureAlgorithm)) {
            throw reject(SamlFailure.BAD_SIGNATURE, what + " signature algorithm not allowed: " + safe(signatureAlgorithm));
        }
        NodeList digests = reference.getElementsByTagNameNS(DSIG_NS, "DigestMethod");
        String digestAlgorithm = digests.getLength() == 1 ? ((Element) digests.item(0)).getAttributeNS(null, "Algorithm")
                : null;
        if (!DIGEST_ALGORITHMS.contains(digestAlgorithm)) {
            throw reject(SamlFailure.BAD_SIGNATURE, what + " digest algorithm not allowed: " + safe(digestAlgorithm));
        }
        try {
            PROFILE_VALIDATOR.validate(signature);
        } catch (SignatureException e) {
            throw reject(SamlFailure.BAD_SIGNATURE, what + " signature violates the SAML signature profile");
        }
        for (Credential key : keys) {
            try {
                SignatureValidator.validate(signature, key);
                return;
            } catch (SignatureException e) {
                // try the next certificate of this provider (rotation)
            }
        }
        throw reject(SamlFailure.BAD_SIGNATURE, what + " signature does not verify with any certificate of the provider");
    }
}
