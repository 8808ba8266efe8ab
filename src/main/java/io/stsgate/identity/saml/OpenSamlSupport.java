package io.stsgate.identity.saml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;

import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.Initializer;
import org.opensaml.core.metrics.impl.MetricRegistryInitializer;
import org.opensaml.core.xml.config.AbstractXMLObjectProviderInitializer;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.config.impl.SAMLConfigurationInitializer;
import org.opensaml.xmlsec.config.DecryptionParserPoolInitializer;
import org.opensaml.xmlsec.config.GlobalAlgorithmRegistryInitializer;
import org.opensaml.xmlsec.config.impl.ApacheXMLSecurityInitializer;
import org.opensaml.xmlsec.config.impl.GlobalSecurityConfigurationInitializer;
import org.opensaml.xmlsec.config.impl.JavaCryptoValidationInitializer;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;

/**
 * Initialises OpenSAML exactly once (class initialisation is thread-safe) and owns the hardened parser pool.
 * OpenSAML types never leave {@code io.stsgate.identity.saml}.
 * <p>
 * Only the parts stsgate uses are initialised, not everything {@code InitializationService} finds on the class path:
 * the XML object providers of SAML 2.0 assertions, protocol and metadata, XML signature and encryption, the algorithm
 * registry, Santuario and the default security configuration. SAML 1, SOAP, WS-*, metadata extensions and the HTTP
 * client's TLS settings stay out: half of OpenSAML's classes, about a third of its start-up. An element of a module
 * left out still parses, as a generic {@code XSAny}, and a signature over it is checked on the DOM as before.
 */
final class OpenSamlSupport {

    /** The SAML 2.0 configuration files stsgate needs, out of the twenty of {@code opensaml-saml-impl}. */
    static final List<String> SAML_CONFIGURATION = List.of("/saml2-assertion-config.xml",
            "/saml2-protocol-config.xml", "/saml2-metadata-config.xml");

    private static final ParserPool PARSER_POOL;

    static {
        try {
            for (Initializer initializer : initializers()) {
                initializer.init();
            }
        } catch (InitializationException e) {
            throw new IllegalStateException("OpenSAML initialisation failed", e);
        }
        PARSER_POOL = hardenedParserPool();
        // The Decrypter parses decrypted plaintext with the global pool: make it the hardened one.
        XMLObjectProviderRegistrySupport.setParserPool(PARSER_POOL);
    }

    private OpenSamlSupport() {
    }

    /** Forces initialisation; cheap after the first call. */
    static ParserPool parserPool() {
        return PARSER_POOL;
    }

    /**
     * In the order of the jars' service files (core, xmlsec, SAML). The global parser pool's initialiser is left out:
     * the hardened pool below takes its place.
     */
    static List<Initializer> initializers() {
        return List.of(new org.opensaml.core.xml.config.XMLObjectProviderInitializer(),
                new MetricRegistryInitializer(), new GlobalAlgorithmRegistryInitializer(),
                new DecryptionParserPoolInitializer(), new JavaCryptoValidationInitializer(),
                new org.opensaml.xmlsec.config.impl.XMLObjectProviderInitializer(), new ApacheXMLSecurityInitializer(),
                new GlobalSecurityConfigurationInitializer(), new SamlProviders(), new SAMLConfigurationInitializer());
    }

    /** The XML object providers of {@link #SAML_CONFIGURATION}. */
    private static final class SamlProviders extends AbstractXMLObjectProviderInitializer {
        @Override
        protected String[] getConfigResources() {
            return SAML_CONFIGURATION.toArray(String[]::new);
        }
    }

    private static BasicParserPool hardenedParserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(50);
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setDTDValidating(false);
        pool.setIgnoreComments(true);
        pool.setCoalescing(true);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE);
        features.put("http://xml.org/sax/features/external-general-entities", Boolean.FALSE);
        features.put("http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE);
        pool.setBuilderFeatures(features);
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("SAML parser pool initialisation failed", e);
        }
        return pool;
    }
}
