package io.stsgate.identity.saml;

import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;

import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;

/**
 * Initialises OpenSAML exactly once (class initialisation is thread-safe) and owns the hardened parser pool.
 * OpenSAML types never leave {@code io.stsgate.identity.saml}.
 */
final class OpenSamlSupport {

    private static final ParserPool PARSER_POOL;

    static {
        try {
            InitializationService.initialize();
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
