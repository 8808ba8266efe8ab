package io.stsgate.identity.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;

import org.opensaml.core.xml.XMLObjectBuilderFactory;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.credential.BasicCredential;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;

/**
 * Builds realistic Keycloak/ADFS-like SAML Responses, signs them with throw-away keys and optionally encrypts the
 * assertion. Every knob a rejection test needs is a builder field.
 */
final class TestSamlResponses {

    static final String IDP_ENTITY_ID = "https://idp.example.com/realms/corp";
    static final String SP_ENTITY_ID = "urn:amazon:webservices";
    static final String ACS = "https://signin.aws.amazon.com/saml";
    static final String OWN_ACS = "https://stsgate.example.com/saml";
    static final String PROVIDER_ARN = "arn:aws:iam::222222222222:saml-provider/corp";
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String ATTR = "https://aws.amazon.com/SAML/Attributes/";
    static final String ROLE_ATTR = ATTR + "Role";
    static final String ROLE_VALUE = "arn:aws:iam::222222222222:role/saml-readonly,"
            + "arn:aws:iam::222222222222:saml-provider/corp";

    private TestSamlResponses() {
    }

    static SamlProviderSettings provider() {
        return new SamlProviderSettings(PROVIDER_ARN, IDP_ENTITY_ID, List.of(TestSamlKeys.IDP.certificate()));
    }

    static ServiceProvider serviceProvider() {
        return new ServiceProvider(SP_ENTITY_ID, Set.of(ACS, OWN_ACS),
                Optional.of(TestSamlKeys.SP_ENCRYPTION.keyPair().getPrivate()));
    }

    static SamlAssertionValidator validator(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new SamlAssertionValidator(serviceProvider(), clock, Duration.ofSeconds(60),
                new InMemoryAssertionReplayCache(clock));
    }

    static SamlAssertionValidator validator() {
        return validator(NOW);
    }

    static Builder response() {
        OpenSamlSupport.parserPool();
        return new Builder();
    }

    static Map<String, List<String>> defaultAttributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(ROLE_ATTR, List.of(ROLE_VALUE));
        attributes.put(ATTR + "RoleSessionName", List.of("alice@example.com"));
        attributes.put(ATTR + "SessionDuration", List.of("3600"));
        attributes.put(ATTR + "PrincipalTag:department", List.of("engineering"));
        return attributes;
    }

    /** A mutable recipe for one Response. */
    static final class Builder {
        String responseId = "_r" + UUID.randomUUID();
        String assertionId = "_a" + UUID.randomUUID();
        String responseIssuer = IDP_ENTITY_ID;
        String assertionIssuer = IDP_ENTITY_ID;
        String destination = ACS;
        String status = StatusCode.SUCCESS;
        String nameId = "alice@example.com";
        String nameIdFormat = NameIDType.PERSISTENT;
        List<String> confirmationMethods = new ArrayList<>(List.of(SubjectConfirmation.METHOD_BEARER));
        String recipient = ACS;
        String responseInResponseTo;
        String confirmationInResponseTo;
        Instant issueInstant = NOW.minusSeconds(2);
        Instant bearerNotOnOrAfter = NOW.plusSeconds(300);
        boolean bearerData = true;
        Instant notBefore = NOW.minusSeconds(2);
        Instant notOnOrAfter = NOW.plusSeconds(300);
        Instant sessionNotOnOrAfter = NOW.plusSeconds(8 * 3600);
        List<String> audiences = new ArrayList<>(List.of(SP_ENTITY_ID));
        boolean conditions = true;
        Map<String, List<String>> attributes = defaultAttributes();
        TestSamlKeys.SigningKey assertionSigner;
        TestSamlKeys.SigningKey responseSigner;
        String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
        PublicKey encryptFor;

        Builder signAssertion(TestSamlKeys.SigningKey key) {
            assertionSigner = key;
            return this;
        }

        Builder signAssertion() {
            return signAssertion(TestSamlKeys.IDP);
        }

        Builder signResponse(TestSamlKeys.SigningKey key) {
            responseSigner = key;
            return this;
        }

        Builder signResponse() {
            return signResponse(TestSamlKeys.IDP);
        }

        Builder encrypt() {
            encryptFor = TestSamlKeys.SP_ENCRYPTION.keyPair().getPublic();
            return this;
        }

        /** Issued just before {@code now}, valid for five minutes from it, for a session of eight hours. */
        Builder validAround(Instant now) {
            issueInstant = now.minusSeconds(2);
            notBefore = now.minusSeconds(2);
            notOnOrAfter = now.plusSeconds(300);
            bearerNotOnOrAfter = now.plusSeconds(300);
            sessionNotOnOrAfter = now.plusSeconds(8 * 3600);
            return this;
        }

        Builder with(java.util.function.Consumer<Builder> change) {
            change.accept(this);
            return this;
        }

        Response build() {
            try {
                Assertion assertion = assertion();
                if (assertionSigner != null) {
                    sign(assertion, assertionSigner);
                }
                Response response = object(Response.DEFAULT_ELEMENT_NAME);
                response.setID(responseId);
                response.setVersion(SAMLVersion.VERSION_20);
                response.setIssueInstant(issueInstant);
                response.setDestination(destination);
                response.setInResponseTo(responseInResponseTo);
                if (responseIssuer != null) {
                    response.setIssuer(issuer(responseIssuer));
                }
                Status statusObject = object(Status.DEFAULT_ELEMENT_NAME);
                StatusCode code = object(StatusCode.DEFAULT_ELEMENT_NAME);
                code.setValue(status);
                statusObject.setStatusCode(code);
                response.setStatus(statusObject);
                if (encryptFor != null) {
                    response.getEncryptedAssertions().add(encrypt(assertion));
                } else {
                    response.getAssertions().add(assertion);
                }
                if (responseSigner != null) {
                    sign(response, responseSigner);
                } else {
                    XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(response).marshall(response);
                }
                return response;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The Response as a DOM document (a fresh parse of the serialized form, safe to tamper with). */
        Document document() {
            return parse(xml());
        }

        String xml() {
            return SerializeSupport.nodeToString(build().getDOM());
        }

        String base64() {
            return TestSamlResponses.base64(xml());
        }

        private Assertion assertion() {
            Assertion assertion = object(Assertion.DEFAULT_ELEMENT_NAME);
            assertion.setID(assertionId);
            assertion.setVersion(SAMLVersion.VERSION_20);
            assertion.setIssueInstant(issueInstant);
            assertion.setIssuer(issuer(assertionIssuer));

            Subject subject = object(Subject.DEFAULT_ELEMENT_NAME);
            if (nameId != null) {
                NameID name = object(NameID.DEFAULT_ELEMENT_NAME);
                name.setValue(nameId);
                name.setFormat(nameIdFormat);
                subject.setNameID(name);
            }
            for (String method : confirmationMethods) {
                SubjectConfirmation confirmation = object(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
                confirmation.setMethod(method);
                if (bearerData) {
                    SubjectConfirmationData data = object(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
                    data.setNotOnOrAfter(bearerNotOnOrAfter);
                    data.setRecipient(recipient);
                    data.setInResponseTo(confirmationInResponseTo);
                    confirmation.setSubjectConfirmationData(data);
                }
                subject.getSubjectConfirmations().add(confirmation);
            }
            assertion.setSubject(subject);

            if (conditions) {
                Conditions c = object(Conditions.DEFAULT_ELEMENT_NAME);
                c.setNotBefore(notBefore);
                c.setNotOnOrAfter(notOnOrAfter);
                AudienceRestriction restriction = object(AudienceRestriction.DEFAULT_ELEMENT_NAME);
                for (String uri : audiences) {
                    Audience audience = object(Audience.DEFAULT_ELEMENT_NAME);
                    audience.setURI(uri);
                    restriction.getAudiences().add(audience);
                }
                c.getAudienceRestrictions().add(restriction);
                assertion.setConditions(c);
            }

            AuthnStatement authn = object(AuthnStatement.DEFAULT_ELEMENT_NAME);
            authn.setAuthnInstant(issueInstant);
            authn.setSessionIndex("_s" + UUID.randomUUID());
            authn.setSessionNotOnOrAfter(sessionNotOnOrAfter);
            AuthnContext context = object(AuthnContext.DEFAULT_ELEMENT_NAME);
            AuthnContextClassRef classRef = object(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
            context.setAuthnContextClassRef(classRef);
            authn.setAuthnContext(context);
            assertion.getAuthnStatements().add(authn);

            AttributeStatement statement = object(AttributeStatement.DEFAULT_ELEMENT_NAME);
            attributes.forEach((name, values) -> {
                Attribute attribute = object(Attribute.DEFAULT_ELEMENT_NAME);
                attribute.setName(name);
                attribute.setNameFormat(Attribute.URI_REFERENCE);
                for (String value : values) {
                    XSString xs = builders().<XSString> getBuilderOrThrow(XSString.TYPE_NAME)
                            .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                    xs.setValue(value);
                    attribute.getAttributeValues().add(xs);
                }
                statement.getAttributes().add(attribute);
            });
            assertion.getAttributeStatements().add(statement);
            return assertion;
        }

        private void sign(SignableSAMLObject object, TestSamlKeys.SigningKey key) throws Exception {
            SignatureSigningParameters parameters = new SignatureSigningParameters();
            parameters.setSigningCredential(
                    new BasicX509Credential(key.certificate(), key.keyPair().getPrivate()));
            parameters.setSignatureAlgorithm(signatureAlgorithm);
            parameters.setSignatureReferenceDigestMethod(digestAlgorithm);
            parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
            keyInfo.setEmitEntityCertificate(true);
            parameters.setKeyInfoGenerator(keyInfo.newInstance());
            SignatureSupport.signObject(object, parameters);
        }

        private EncryptedAssertion encrypt(Assertion assertion) throws Exception {
            DataEncryptionParameters data = new DataEncryptionParameters();
            data.setAlgorithm(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM);
            KeyEncryptionParameters kek = new KeyEncryptionParameters();
            kek.setEncryptionCredential(new BasicCredential(encryptFor));
            kek.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
            Encrypter encrypter = new Encrypter(data, kek);
            encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
            return encrypter.encrypt(assertion);
        }
    }

    static String base64(String xml) {
        return java.util.Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String base64(Document document) {
        return base64(SerializeSupport.nodeToString(document));
    }

    /** Plain namespace-aware parse for tampering (tests only; the validator uses the hardened pool). */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element child(Element parent, String namespace, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no " + localName + " under " + parent.getLocalName());
    }

    private static Issuer issuer(String value) {
        Issuer issuer = object(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        issuer.setFormat(NameIDType.ENTITY);
        return issuer;
    }

    private static XMLObjectBuilderFactory builders() {
        return XMLObjectProviderRegistrySupport.getBuilderFactory();
    }

    @SuppressWarnings("unchecked")
    private static <T> T object(QName name) {
        return (T) builders().getBuilderOrThrow(name).buildObject(name);
    }
}
