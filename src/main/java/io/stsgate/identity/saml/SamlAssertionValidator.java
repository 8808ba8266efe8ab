package io.stsgate.identity.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jboss.logging.Logger;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.BasicCredential;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.SimpleRetrievalMethodEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import net.shibboleth.utilities.java.support.xml.XMLParserException;

/**
 * Validates base64 SAML 2.0 Responses for AssumeRoleWithSAML. Fail-closed: every path that is not explicitly
 * accepted returns {@link SamlValidation.Invalid}; {@link #validate} never throws for bad input.
 *
 * <p>
 * Pipeline: size and base64 → hardened parse (no DOCTYPE) → structure (one Response, exactly one Assertion, unique
 * IDs, signatures only where SAML allows them) → status → decrypt → signatures (profile, algorithm, the provider's
 * keys only, Reference URI bound to the element read) → issuer, destination, bearer confirmation, conditions,
 * audience → replay.
 */
public final class SamlAssertionValidator {

    /** Maximum length of the base64 input, in characters. */
    public static final int MAX_BASE64_CHARS = 100_000;

    private static final Logger LOG = Logger.getLogger(SamlAssertionValidator.class);

    private static final String DSIG_NS = SignatureConstants.XMLSIG_NS;
    private static final String XENC_NS = EncryptionConstants.XMLENC_NS;
    private static final String UNSPECIFIED_FORMAT = NameIDType.UNSPECIFIED;
    private static final Set<String> ID_ATTRIBUTES = Set.of("ID", "Id", "id", "AssertionID", "ResponseID");
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

    private final ServiceProvider sp;
    private final Clock clock;
    private final Duration clockSkew;
    private final AssertionReplayCache replay;
    private final BasicCredential decryptionCredential;

    public SamlAssertionValidator(ServiceProvider sp, Clock clock, Duration clockSkew, AssertionReplayCache replay) {
        this.sp = Objects.requireNonNull(sp, "sp");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and 10 minutes");
        }
        this.replay = Objects.requireNonNull(replay, "replay");
        this.decryptionCredential = sp.decryptionKey().map(SamlAssertionValidator::decryptionCredential).orElse(null);
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
        } catch (Rejected r) {
            result = r.invalid;
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
        byte[] xml = decode(base64Response);
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        if (!SAMLConstants.SAML20P_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw reject(SamlFailure.MALFORMED, "root element is not a SAML 2.0 Response");
        }
        Element assertionOrEncrypted = checkResponseStructure(root);
        Response response = unmarshall(root, Response.class);
        if (response.getVersion() == null || !SAMLVersion.VERSION_20.equals(response.getVersion())) {
            throw reject(SamlFailure.MALFORMED, "Response version is not 2.0");
        }
        checkStatus(response);

        List<Credential> keys = credentials(provider);
        boolean responseSigned = response.getSignature() != null;
        if (responseSigned) {
            verifySignature(response, response.getID(), "Response", keys);
        }

        Assertion assertion;
        if (response.getEncryptedAssertions().size() == 1) {
            assertion = decrypt(response.getEncryptedAssertions().get(0));
            Element decrypted = assertion.getDOM();
            if (decrypted == null) {
                throw reject(SamlFailure.DECRYPTION_FAILED, "decrypted assertion has no DOM");
            }
            checkDecryptedStructure(decrypted, root);
        } else {
            assertion = response.getAssertions().size() == 1 ? response.getAssertions().get(0) : null;
            if (assertion == null || assertion.getDOM() != assertionOrEncrypted) {
                throw reject(SamlFailure.WRAPPING, "the assertion read is not the one found in the document");
            }
        }
        boolean assertionSigned = assertion.getSignature() != null;
        if (assertionSigned) {
            verifySignature(assertion, assertion.getID(), "Assertion", keys);
        }
        if (!responseSigned && !assertionSigned) {
            throw reject(SamlFailure.UNSIGNED, "neither the Response nor the Assertion is signed");
        }

        checkIssuer(response.getIssuer(), false, "Response", provider);
        checkIssuer(assertion.getIssuer(), true, "Assertion", provider);
        checkDestination(response);
        if (assertion.getVersion() == null || !SAMLVersion.VERSION_20.equals(assertion.getVersion())) {
            throw reject(SamlFailure.MALFORMED, "Assertion version is not 2.0");
        }
        if (assertion.getID() == null || assertion.getID().isBlank()) {
            throw reject(SamlFailure.MALFORMED, "Assertion has no ID");
        }
        Instant now = clock.instant();
        NameID nameId = nameId(assertion);
        SubjectConfirmationData bearer = bearerConfirmation(assertion, now);
        Conditions conditions = checkConditions(assertion, now);
        String audience = checkAudience(conditions);

        Instant notOnOrAfter = bearer.getNotOnOrAfter();
        if (conditions.getNotOnOrAfter() != null && conditions.getNotOnOrAfter().isBefore(notOnOrAfter)) {
            notOnOrAfter = conditions.getNotOnOrAfter();
        }
        Map<String, List<String>> attributes = attributes(assertion);
        Instant sessionNotOnOrAfter = sessionNotOnOrAfter(assertion);

        // Last: only a fully valid assertion may consume its id. Remember it as long as it could be accepted.
        if (consume && !firstUse(assertion.getID(), notOnOrAfter.plus(clockSkew))) {
            throw reject(SamlFailure.REPLAYED, "assertion id " + safe(assertion.getID()) + " was already used");
        }
        String format = nameId.getFormat() == null ? UNSPECIFIED_FORMAT : nameId.getFormat();
        return new SamlValidation.Valid(new VerifiedAssertion(assertion.getIssuer().getValue(), nameId.getValue(),
                format, bearer.getRecipient(), audience, assertion.getID(), notOnOrAfter, sessionNotOnOrAfter,
                attributes, inResponseTo(responseSigned ? response.getInResponseTo() : null, bearer)));
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

    // ---- input ----

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw reject(SamlFailure.MALFORMED, "empty SAML response");
        }
        if (base64.length() > MAX_BASE64_CHARS) {
            throw reject(SamlFailure.TOO_LARGE,
                    "SAML response is " + base64.length() + " base64 characters, limit " + MAX_BASE64_CHARS);
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

    private static Document parse(byte[] xml) {
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

    private static <T extends XMLObject> T unmarshall(Element element, Class<T> type) {
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

    // ---- structure (XML signature wrapping defences) ----

    /**
     * Checks the raw document before anything is read from it and returns the single (Encrypted)Assertion element.
     */
    private static Element checkResponseStructure(Element root) {
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

    private static void checkDecryptedStructure(Element assertion, Element responseRoot) {
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

    // ---- status, decryption, signatures ----

    private static void checkStatus(Response response) {
        StatusCode code = response.getStatus() == null ? null : response.getStatus().getStatusCode();
        String value = code == null ? null : code.getValue();
        if (!StatusCode.SUCCESS.equals(value)) {
            throw reject(SamlFailure.STATUS_NOT_SUCCESS, "Response status is " + safe(value));
        }
        if (response.getAssertions().size() + response.getEncryptedAssertions().size() != 1) {
            throw reject(SamlFailure.MALFORMED, "Response contains no assertion");
        }
    }

    private Assertion decrypt(EncryptedAssertion encrypted) {
        if (sp.decryptionKey().isEmpty()) {
            throw reject(SamlFailure.DECRYPTION_FAILED, "encrypted assertion but no SP decryption key configured");
        }
        BasicCredential kek = decryptionCredential;
        EncryptedKeyResolver keys = new ChainingEncryptedKeyResolver(
                List.of(new InlineEncryptedKeyResolver(), new SimpleRetrievalMethodEncryptedKeyResolver()));
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(kek), keys, List.of(),
                List.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15));
        decrypter.setRootInNewDocument(true);
        try {
            return decrypter.decrypt(encrypted);
        } catch (DecryptionException | RuntimeException e) {
            throw reject(SamlFailure.DECRYPTION_FAILED, "assertion decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** OpenSAML credentials need the public half: derive it from an RSA CRT private key. */
    private static BasicCredential decryptionCredential(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalArgumentException("the SP decryption key must be an RSA private key (CRT form)");
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new BasicCredential(publicKey, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the SP decryption key is unusable", e);
        }
    }

    private static List<Credential> credentials(SamlProviderSettings provider) {
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
    private static void verifySignature(SignableSAMLObject signed, String id, String what, List<Credential> keys) {
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

    // ---- claims ----

    private static void checkIssuer(Issuer issuer, boolean required, String what, SamlProviderSettings provider) {
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

    private void checkDestination(Response response) {
        String destination = response.getDestination();
        if (destination != null && !sp.acceptedRecipients().contains(destination)) {
            throw reject(SamlFailure.WRONG_DESTINATION, "Response Destination " + safe(destination) + " not accepted");
        }
    }

    private static NameID nameId(Assertion assertion) {
        if (assertion.getSubject() == null || assertion.getSubject().getNameID() == null
                || assertion.getSubject().getNameID().getValue() == null
                || assertion.getSubject().getNameID().getValue().isBlank()) {
            throw reject(SamlFailure.MALFORMED, "Assertion has no Subject NameID");
        }
        return assertion.getSubject().getNameID();
    }

    private SubjectConfirmationData bearerConfirmation(Assertion assertion, Instant now) {
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
    private static String inResponseTo(String signedResponseValue, SubjectConfirmationData bearer) {
        String confirmed = bearer.getInResponseTo();
        if (signedResponseValue != null && confirmed != null && !signedResponseValue.equals(confirmed)) {
            throw reject(SamlFailure.MALFORMED, "Response InResponseTo differs from the bearer confirmation's");
        }
        return confirmed != null ? confirmed : signedResponseValue;
    }

    private Conditions checkConditions(Assertion assertion, Instant now) {
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
    private String checkAudience(Conditions conditions) {
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

    private static Map<String, List<String>> attributes(Assertion assertion) {
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

    private static Instant sessionNotOnOrAfter(Assertion assertion) {
        Instant earliest = null;
        for (AuthnStatement statement : assertion.getAuthnStatements()) {
            Instant value = statement.getSessionNotOnOrAfter();
            if (value != null && (earliest == null || value.isBefore(earliest))) {
                earliest = value;
            }
        }
        return earliest;
    }

    // ---- errors ----

    /** Values quoted in details come from the IdP: bound their length and drop control characters. */
    private static String safe(String value) {
        if (value == null) {
            return "(none)";
        }
        String bounded = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return "'" + bounded.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static Rejected reject(SamlFailure failure, String detail) {
        return new Rejected(new SamlValidation.Invalid(failure, detail));
    }

    /** Internal control flow: carries the refusal out of the pipeline; never escapes {@link #validate}. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SamlValidation.Invalid invalid;

        Rejected(SamlValidation.Invalid invalid) {
            super(invalid.detail(), null, false, false);
            this.invalid = invalid;
        }
    }
}
