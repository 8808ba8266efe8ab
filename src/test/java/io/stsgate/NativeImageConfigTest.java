package io.stsgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.opensaml.core.config.Initializer;
import org.opensaml.core.xml.config.AbstractXMLObjectProviderInitializer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The native image's reflection configuration for OpenSAML and Santuario, generated from the jars themselves so it
 * cannot fall behind an upgrade. OpenSAML's initialisers load their XMLObject builders, marshallers and unmarshallers
 * by class name from the {@code *-config.xml} files inside its jars (a class missing from the image fails start-up:
 * {@code ClassNotFoundException: ...DiscoveryResponseBuilder}); Santuario instantiates its canonicalisers, transforms,
 * signature algorithms and resolvers reflectively from the classes its {@code registerDefault*} methods name. The
 * committed {@code reflect-config.json} must be exactly what these sources give; after an upgrade, regenerate it with
 * {@code ./mvnw test -Dtest=NativeImageConfigTest -Dnative-config.write=true} and commit the file.
 */
class NativeImageConfigTest {

    private static final Path CONFIG_DIR = Path.of("src", "main", "resources", "META-INF", "native-image", "io.stsgate",
            "stsgate");
    private static final Path REFLECT_CONFIG = CONFIG_DIR.resolve("reflect-config.json");
    private static final String XMLTOOLING_CONFIG_NS = "http://www.opensaml.org/xmltooling-config";
    /** Santuario's classes whose registration methods name the implementations it instantiates reflectively. */
    private static final List<String> SANTUARIO_REGISTRIES = List.of("org.apache.xml.security.c14n.Canonicalizer",
            "org.apache.xml.security.transforms.Transform", "org.apache.xml.security.algorithms.SignatureAlgorithm",
            "org.apache.xml.security.keys.keyresolver.KeyResolver",
            "org.apache.xml.security.utils.resolver.ResourceResolver");

    @Test
    void theCommittedReflectionConfigurationIsWhatTheJarsDeclare() throws Exception {
        var classes = new TreeSet<String>();
        classes.addAll(openSamlProviderClasses());
        classes.addAll(santuarioImplementations());
        String expected = render(classes);
        if (Boolean.getBoolean("native-config.write")) {
            Files.createDirectories(CONFIG_DIR);
            Files.writeString(REFLECT_CONFIG, expected);
        }
        assertThat(REFLECT_CONFIG).as("regenerate with -Dnative-config.write=true (see this test's Javadoc)")
                .exists();
        assertThat(Files.readString(REFLECT_CONFIG)).as(
                "%s is stale: regenerate it with ./mvnw test -Dtest=NativeImageConfigTest -Dnative-config.write=true",
                REFLECT_CONFIG).isEqualTo(expected);
    }

    @Test
    void theOpenSamlListCoversTheKnownNativeFailureAndOnlyClassesThatExist() throws Exception {
        Set<String> classes = openSamlProviderClasses();
        assertThat(classes).contains("org.opensaml.saml.ext.idpdisco.impl.DiscoveryResponseBuilder",
                "org.opensaml.saml.saml2.core.impl.ResponseUnmarshaller",
                "org.opensaml.xmlsec.signature.impl.X509CertificateBuilder",
                "org.opensaml.core.xml.schema.impl.XSAnyBuilder");
        for (String name : classes) {
            assertThat(Class.forName(name, false, getClass().getClassLoader())).as(name).isNotNull();
        }
    }

    @Test
    void theSantuarioListHoldsItsDefaultAlgorithms() {
        assertThat(santuarioImplementations()).contains(
                "org.apache.xml.security.c14n.implementations.Canonicalizer20010315ExclOmitComments",
                "org.apache.xml.security.algorithms.implementations.SignatureECDSA$SignatureECDSASHA256",
                "org.apache.xml.security.algorithms.implementations.SignatureBaseRSA$SignatureRSASHA256");
    }

    /** Every resource the native image must carry for OpenSAML's start-up is matched by the include globs. */
    @Test
    void theResourcesOpenSamlReadsAtStartUpAreIncluded() throws Exception {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        List<String> globs = List.of(properties.getProperty("quarkus.native.resources.includes").split(","));
        for (String resource : openSamlConfigResources()) {
            assertThat(globs).as(resource).anyMatch(glob -> matches(glob.strip(), resource));
        }
        assertThat(globs).anyMatch(glob -> matches(glob.strip(), "schema/xmltooling-config.xsd"))
                .anyMatch(glob -> matches(glob.strip(), "demo/directory.yaml"));
    }

    private static boolean matches(String glob, String resource) {
        String regex = glob.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]*").replace("\u0000", ".*");
        return resource.matches(regex);
    }

    /** The config files OpenSAML's initialisers on this class path load, as class-path resource names. */
    static List<String> openSamlConfigResources() throws ReflectiveOperationException {
        var resources = new ArrayList<String>();
        Method configResources = AbstractXMLObjectProviderInitializer.class.getDeclaredMethod("getConfigResources");
        configResources.setAccessible(true);
        for (Initializer initializer : ServiceLoader.load(Initializer.class)) {
            if (initializer instanceof AbstractXMLObjectProviderInitializer) {
                for (String resource : (String[]) configResources.invoke(initializer)) {
                    resources.add(resource.startsWith("/") ? resource.substring(1) : resource);
                }
            }
        }
        assertThat(resources).as("OpenSAML's XMLObject provider initialisers").hasSizeGreaterThan(10);
        return resources;
    }

    private static Set<String> openSamlProviderClasses() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var classes = new TreeSet<String>();
        for (String resource : openSamlConfigResources()) {
            try (InputStream in = NativeImageConfigTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                NodeList elements = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(XMLTOOLING_CONFIG_NS,
                        "*");
                for (int i = 0; i < elements.getLength(); i++) {
                    String name = ((Element) elements.item(i)).getAttribute("className").strip();
                    if (!name.isEmpty()) {
                        classes.add(name);
                    }
                }
            }
        }
        return classes;
    }

    private static Set<String> santuarioImplementations() {
        var classes = new TreeSet<String>();
        var imported = new ClassFileImporter().importClasses(SANTUARIO_REGISTRIES.stream().map(name -> {
            try {
                return Class.forName(name, false, NativeImageConfigTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name, e);
            }
        }).toArray(Class<?>[]::new));
        for (String registry : SANTUARIO_REGISTRIES) {
            JavaClass type = imported.get(registry);
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (unit.getName().startsWith("registerDefault")) {
                    for (ReferencedClassObject referenced : unit.getReferencedClassObjects()) {
                        classes.add(referenced.getRawType().getName());
                    }
                }
            }
        }
        assertThat(classes).as("classes named by Santuario's registerDefault* methods").hasSizeGreaterThan(10);
        return classes;
    }

    private static String render(Set<String> classes) {
        var json = new StringBuilder("[\n");
        int i = 0;
        for (String name : classes) {
            json.append("  { \"name\": \"").append(name).append("\", \"allDeclaredConstructors\": true }")
                    .append(++i < classes.size() ? ",\n" : "\n");
        }
        return json.append("]\n").toString();
    }
}
