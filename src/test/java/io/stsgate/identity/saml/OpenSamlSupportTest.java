package io.stsgate.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.xmlsec.SecurityConfigurationSupport;
import org.opensaml.xmlsec.algorithm.AlgorithmSupport;
import org.opensaml.xmlsec.encryption.EncryptedKey;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.X509Certificate;

/**
 * OpenSAML is initialised for what stsgate reads and writes, and only that: every element of its SAML paths has its
 * provider (a missing one would only show as a generic {@code XSAny} where a typed object is expected); the SOAP and
 * SAML 1 modules it never uses are left out, which is what makes its initialisation shorter.
 */
class OpenSamlSupportTest {

    @Test
    void everyElementStsgateReadsOrWritesHasItsProvider() {
        OpenSamlSupport.parserPool();
        for (QName element : new QName[] { Response.DEFAULT_ELEMENT_NAME, Assertion.DEFAULT_ELEMENT_NAME,
                EncryptedAssertion.DEFAULT_ELEMENT_NAME, AuthnRequest.DEFAULT_ELEMENT_NAME,
                EntityDescriptor.DEFAULT_ELEMENT_NAME, SPSSODescriptor.DEFAULT_ELEMENT_NAME,
                Signature.DEFAULT_ELEMENT_NAME, X509Certificate.DEFAULT_ELEMENT_NAME,
                EncryptedKey.DEFAULT_ELEMENT_NAME }) {
            assertThat(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(element)).as("builder of %s",
                    element).isNotNull();
            assertThat(XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element))
                    .as("unmarshaller of %s", element).isNotNull();
        }
        assertThat(XMLObjectProviderRegistrySupport.getParserPool()).isSameAs(OpenSamlSupport.parserPool());
        // The global configurations signature validation and decryption read, and the algorithm registry.
        assertThat(SecurityConfigurationSupport.getGlobalSignatureValidationConfiguration()).isNotNull();
        assertThat(SecurityConfigurationSupport.getGlobalDecryptionConfiguration()).isNotNull();
        assertThat(AlgorithmSupport.getGlobalAlgorithmRegistry()).isNotNull();
    }

    @Test
    void modulesStsgateNeverUsesAreNotInitialised() {
        OpenSamlSupport.parserPool();
        var soapEnvelope = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Envelope");
        var saml1Assertion = new QName(SAMLConstants.SAML1_NS, "Assertion");
        // Elements of these parse as the default provider's XSAny, which stsgate's checks never accept for its own.
        assertThat(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(soapEnvelope)).isNull();
        assertThat(XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(saml1Assertion)).isNull();
        assertThat(XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilder(XMLObjectProviderRegistrySupport.getDefaultProviderQName())).isNotNull();
    }
}
