package io.stsgate.api.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.w3c.dom.Element;

import net.shibboleth.utilities.java.support.xml.BasicParserPool;

/** Reads SP metadata back with OpenSAML, as an IdP importing it would. OpenSAML is initialised by stsgate. */
final class SpMetadataDocuments {

    private SpMetadataDocuments() {
    }

    static EntityDescriptor parse(String xml) throws Exception {
        var pool = new BasicParserPool();
        pool.setNamespaceAware(true);
        pool.initialize();
        Element root = pool.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        return (EntityDescriptor) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root)
                .unmarshall(root);
    }
}
