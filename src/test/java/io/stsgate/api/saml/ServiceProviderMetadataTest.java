package io.stsgate.api.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;

import io.stsgate.identity.saml.ServiceProviderMetadata;
import io.stsgate.identity.saml.SignedSamlResponses.IdpKey;

/** The metadata builder with and without an SP encryption certificate. */
class ServiceProviderMetadataTest {

    @Test
    void whenNoEncryptionCertificateThenNoKeyDescriptor() throws Exception {
        var entity = SpMetadataDocuments.parse(ServiceProviderMetadata.xml("urn:amazon:webservices",
                "https://sts.example.com/saml", Optional.empty()));
        var sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertThat(entity.getEntityID()).isEqualTo("urn:amazon:webservices");
        assertThat(sp.getKeyDescriptors()).isEmpty();
        assertThat(sp.getWantAssertionsSigned()).isTrue();
        assertThat(sp.getAssertionConsumerServices()).singleElement().satisfies(acs -> {
            assertThat(acs.getBinding()).isEqualTo(SAMLConstants.SAML2_POST_BINDING_URI);
            assertThat(acs.getLocation()).isEqualTo("https://sts.example.com/saml");
            assertThat(acs.isDefault()).isTrue();
        });
    }

    @Test
    void whenAnEncryptionCertificateIsGivenThenItIsPublishedForEncryption() throws Exception {
        var key = IdpKey.generate("CN=stsgate.example.com");
        var entity = SpMetadataDocuments.parse(ServiceProviderMetadata.xml("urn:amazon:webservices",
                "https://sts.example.com/saml", Optional.of(key.certificate())));
        var descriptors = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS).getKeyDescriptors();
        assertThat(descriptors).singleElement().satisfies(d -> {
            assertThat(d.getUse()).isEqualTo(UsageType.ENCRYPTION);
            assertThat(KeyInfoSupport.getCertificates(d.getKeyInfo())).containsExactly(key.certificate());
        });
    }
}
