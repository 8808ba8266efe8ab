package io.stsgate.identity.saml;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.Deflater;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;

import io.stsgate.crypto.RawDeflate;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;

/**
 * SP-initiated sign-in: an unsigned {@code AuthnRequest} sent with the HTTP-Redirect binding (SAML Bindings 3.4,
 * DEFLATE encoding). Unsigned because stsgate publishes {@code AuthnRequestsSigned="false"} and needs nothing from the
 * request to be trusted: what matters comes back signed in the Response ({@code InResponseTo}).
 */
public final class AuthnRequestRedirect {

    private AuthnRequestRedirect() {
    }

    /**
     * @param ssoUrl the IdP's SingleSignOnService location (may already carry a query)
     * @param requestId the request ID, an {@code xs:ID} (starts with a letter or underscore)
     * @param spEntityId stsgate's entity id, the request's Issuer
     * @param acsUrl where the IdP must post the Response (HTTP-POST binding)
     * @param now the request's IssueInstant
     * @param relayState echoed by the IdP with the Response; at most 80 bytes, as the binding requires
     * @return the URL to send the browser to
     */
    public static URI of(URI ssoUrl, String requestId, String spEntityId, String acsUrl, Instant now,
            String relayState) {
        Objects.requireNonNull(ssoUrl, "ssoUrl");
        Objects.requireNonNull(relayState, "relayState");
        if (relayState.getBytes(StandardCharsets.UTF_8).length > 80) {
            throw new IllegalArgumentException("RelayState must not exceed 80 bytes (SAML Bindings 3.4.3)");
        }
        String xml = xml(requestId, spEntityId, acsUrl, ssoUrl.toString(), now);
        String separator = ssoUrl.getRawQuery() == null ? "?" : "&";
        return URI.create(ssoUrl + separator + "SAMLRequest="
                + encode(RawDeflate.deflate(xml.getBytes(StandardCharsets.UTF_8), Deflater.DEFAULT_COMPRESSION))
                + "&RelayState="
                + encode(relayState));
    }

    static String xml(String requestId, String spEntityId, String acsUrl, String destination, Instant now) {
        OpenSamlSupport.parserPool();
        AuthnRequest request = object(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(Objects.requireNonNull(requestId, "requestId"));
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(Objects.requireNonNull(now, "now"));
        request.setDestination(destination);
        request.setAssertionConsumerServiceURL(Objects.requireNonNull(acsUrl, "acsUrl"));
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = object(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(Objects.requireNonNull(spEntityId, "spEntityId"));
        request.setIssuer(issuer);
        try {
            XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(request).marshall(request);
        } catch (MarshallingException e) {
            throw new IllegalStateException("AuthnRequest could not be written", e);
        }
        return SerializeSupport.nodeToString(request.getDOM());
    }

    private static String encode(byte[] deflated) {
        return encode(Base64.getEncoder().encodeToString(deflated));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T extends XMLObject> T object(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }
}
