package io.stsgate.identity.saml;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;

/**
 * stsgate's SAML 2.0 SP metadata, for IdPs that import it: the entity id, one assertion consumer service (HTTP-POST
 * binding, the browser sign-in) and, when the SP can decrypt, its encryption certificate. stsgate sends no
 * AuthnRequests of its own, so none are signed; it requires signed assertions.
 */
public final class ServiceProviderMetadata {

    private ServiceProviderMetadata() {
    }

    /**
     * @param entityId stsgate's SP entity id ({@code stsgate.saml.entity-id})
     * @param acsUrl the browser sign-in's assertion consumer service URL
     * @param encryptionCertificate the certificate of the SP decryption key, published as
     *        {@code KeyDescriptor use="encryption"} when present
     * @return the {@code EntityDescriptor} document
     */
    public static String xml(String entityId, String acsUrl, Optional<X509Certificate> encryptionCertificate) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
        OpenSamlSupport.parserPool();
        EntityDescriptor entity = object(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        SPSSODescriptor sp = object(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(false);
        sp.setWantAssertionsSigned(true);
        if (encryptionCertificate.isPresent()) {
            sp.getKeyDescriptors().add(encryptionKey(encryptionCertificate.get()));
        }
        AssertionConsumerService acs = object(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(acsUrl);
        acs.setIndex(0);
        acs.setIsDefault(true);
        sp.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(sp);
        try {
            XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(entity).marshall(entity);
        } catch (MarshallingException e) {
            throw new IllegalStateException("SP metadata could not be written", e);
        }
        return SerializeSupport.prettyPrintXML(entity.getDOM());
    }

    private static KeyDescriptor encryptionKey(X509Certificate certificate) {
        KeyDescriptor descriptor = object(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(UsageType.ENCRYPTION);
        KeyInfo keyInfo = object(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the SP encryption certificate cannot be encoded", e);
        }
        descriptor.setKeyInfo(keyInfo);
        return descriptor;
    }

    @SuppressWarnings("unchecked")
    private static <T extends XMLObject> T object(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }
}
