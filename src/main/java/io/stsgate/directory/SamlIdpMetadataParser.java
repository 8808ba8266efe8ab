package io.stsgate.directory;

import java.io.IOException;
import java.io.StringReader;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a SAML IdP's metadata ({@code EntityDescriptor}) into {@link SamlIdpMetadata}: the entity id, every signing
 * certificate of the {@code IDPSSODescriptor} ({@code use="signing"} or no {@code use}) and the single sign-on URL.
 * <p>
 * Why plain JDK XML here and not OpenSAML: the design keeps {@code directory} free of {@code identity}, and the
 * directory file must be validated completely when it is loaded (an invalid entry stops start-up with its file and
 * entry named). A port implemented in {@code identity.saml} would make the static loader depend on an injected
 * OpenSAML bootstrap for five elements and two attributes; the namespace-aware DOM reads them as exactly. The
 * metadata's own signature is not checked, on purpose: inline metadata in the directory file is the operator's
 * statement, as trusted as a PEM certificate in the same file. The parser is hardened like the SAML one: DOCTYPEs
 * (hence entities and external DTDs) are refused, and so are XInclude and external schemas.
 */
public final class SamlIdpMetadataParser {

    /** AWS's limit on a SAML metadata document. */
    public static final int MAX_CHARS = 10_000_000;
    /** AWS's limit on keys per SAML provider. */
    public static final int MAX_SIGNING_CERTIFICATES = 10;

    static final String MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SamlIdpMetadataParser() {
    }

    /**
     * @throws SamlMetadataException naming the problem: not XML, a DOCTYPE, no EntityDescriptor, no SAML 2.0
     *         IDPSSODescriptor, no or unreadable signing certificate
     */
    public static SamlIdpMetadata parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new SamlMetadataException("is empty");
        }
        if (xml.length() > MAX_CHARS) {
            throw new SamlMetadataException("is longer than " + MAX_CHARS + " characters");
        }
        if (xml.contains("<!DOCTYPE")) {
            throw new SamlMetadataException("contains a DOCTYPE declaration, which is refused");
        }
        Element entity = entityDescriptor(read(xml).getDocumentElement());
        String entityId = entity.getAttributeNS(null, "entityID").trim();
        if (entityId.isEmpty() || entityId.length() > 1024) {
            throw new SamlMetadataException("EntityDescriptor: entityID must be 1 to 1024 characters");
        }
        Element idp = idpDescriptor(entity);
        return new SamlIdpMetadata(entityId, signingCertificates(idp), ssoUrl(idp));
    }

    private static Document read(String xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            // Parse errors go to the exception, not to stderr.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refuses the hardening features", e);
        } catch (SAXException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new SamlMetadataException("contains a DOCTYPE declaration, which is refused");
            }
            throw new SamlMetadataException("is not well-formed XML");
        } catch (IOException e) {
            throw new SamlMetadataException("cannot be read: " + e.getMessage());
        }
    }

    /** The root EntityDescriptor, or the only one of an EntitiesDescriptor (some IdPs wrap theirs). */
    private static Element entityDescriptor(Element root) {
        if (is(root, MD_NS, "EntityDescriptor")) {
            return root;
        }
        if (is(root, MD_NS, "EntitiesDescriptor")) {
            List<Element> entities = children(root, MD_NS, "EntityDescriptor");
            if (entities.size() == 1) {
                return entities.get(0);
            }
            throw new SamlMetadataException("EntitiesDescriptor holds " + entities.size()
                    + " EntityDescriptors; give the metadata of one IdP");
        }
        throw new SamlMetadataException("the root element is " + root.getLocalName()
                + ", not a SAML 2.0 metadata EntityDescriptor");
    }

    private static Element idpDescriptor(Element entity) {
        for (Element descriptor : children(entity, MD_NS, "IDPSSODescriptor")) {
            List<String> protocols = List.of(descriptor.getAttributeNS(null, "protocolSupportEnumeration").trim()
                    .split("\\s+"));
            if (protocols.contains(SAML2_PROTOCOL)) {
                return descriptor;
            }
        }
        throw new SamlMetadataException("EntityDescriptor has no IDPSSODescriptor supporting SAML 2.0 "
                + "(is this the metadata of a service provider?)");
    }

    private static List<X509Certificate> signingCertificates(Element idp) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : children(idp, MD_NS, "KeyDescriptor")) {
            String use = key.getAttributeNS(null, "use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            for (Element keyInfo : children(key, DSIG_NS, "KeyInfo")) {
                for (Element data : children(keyInfo, DSIG_NS, "X509Data")) {
                    for (Element text : children(data, DSIG_NS, "X509Certificate")) {
                        X509Certificate certificate = PemCertificates.parse(text.getTextContent())
                                .orElseThrow(() -> new SamlMetadataException(
                                        "IDPSSODescriptor: a signing X509Certificate is not a valid certificate"));
                        if (!certificates.contains(certificate)) {
                            certificates.add(certificate);
                        }
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new SamlMetadataException("IDPSSODescriptor has no signing certificate (KeyDescriptor with "
                    + "use=\"signing\" or without use, holding an X509Certificate)");
        }
        if (certificates.size() > MAX_SIGNING_CERTIFICATES) {
            throw new SamlMetadataException("IDPSSODescriptor has " + certificates.size()
                    + " signing certificates; at most " + MAX_SIGNING_CERTIFICATES);
        }
        return certificates;
    }

    /** Browsers are sent to the IdP with a redirect; HTTP-POST is the fallback. Other bindings are not for people. */
    private static Optional<String> ssoUrl(Element idp) {
        String post = null;
        for (Element service : children(idp, MD_NS, "SingleSignOnService")) {
            String binding = service.getAttributeNS(null, "Binding");
            String location = service.getAttributeNS(null, "Location").trim();
            if (location.isEmpty()) {
                continue;
            }
            if (HTTP_REDIRECT.equals(binding)) {
                return Optional.of(location);
            }
            if (HTTP_POST.equals(binding) && post == null) {
                post = location;
            }
        }
        return Optional.ofNullable(post);
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) {
                result.add(e);
            }
        }
        return result;
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setIgnoringComments(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser refuses the hardening features", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
