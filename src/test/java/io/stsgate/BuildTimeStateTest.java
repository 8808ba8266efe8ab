package io.stsgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.Mac;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Nothing in stsgate holds per-run state in a static field, and OpenSAML's state is made at run time. A native image
 * runs static initialisers in the builder and freezes their results into the executable: a random generator would be
 * seeded once for every process started from it, a key would be the same everywhere, a clock or an instant would be
 * the build's, and OpenSAML's start-up would run in the builder. Such state lives in instances (injected, or made per
 * call); a thread-local holder of a {@code Mac} or {@code Cipher} is fine, it is filled at run time.
 */
class BuildTimeStateTest {

    private static final DescribedPredicate<JavaClass> PER_RUN_STATE = DescribedPredicate.describe(
            "a random generator, key, key store, cipher, MAC, clock or instant",
            type -> type.isAssignableTo(Random.class) || type.isAssignableTo(SplittableRandom.class)
                    || type.isAssignableTo(Key.class) || type.isAssignableTo(KeyPair.class)
                    || type.isAssignableTo(KeyStore.class) || type.isAssignableTo(Cipher.class)
                    || type.isAssignableTo(Mac.class) || type.isAssignableTo(Clock.class)
                    || type.isAssignableTo(Instant.class));
    private static final List<String> OPENSAML_PACKAGES = List.of("org.opensaml.", "net.shibboleth.");

    private static JavaClasses classes;

    @BeforeAll
    static void importCode() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stsgate");
    }

    @Test
    void noStaticFieldHoldsPerRunState() {
        noFields().that().areDeclaredInClassesThat().resideInAPackage("io.stsgate..").and()
                .haveModifier(JavaModifier.STATIC).should().haveRawType(PER_RUN_STATE)
                .because("a native image would freeze it at build time (README: Native executable)").check(classes);
    }

    @Test
    void theRuleSeesAStaticGenerator() {
        var offender = new ClassFileImporter().importClasses(Offender.class);
        var rule = noFields().that().haveModifier(JavaModifier.STATIC).should().haveRawType(PER_RUN_STATE);
        assertThat(rule.evaluate(offender).hasViolation()).isTrue();
    }

    /** A static initialiser that calls OpenSAML runs at build time unless the class is listed for run time. */
    @Test
    void classesWhoseStaticInitialiserCallsOpenSamlAreInitialisedAtRunTime() throws IOException {
        List<String> runTime = initialisedAtRunTime();
        var missing = new TreeSet<String>();
        for (JavaClass type : classes) {
            var initializer = type.getStaticInitializer();
            if (initializer.isPresent() && initializer.get().getAccessesFromSelf().stream()
                    .map(JavaAccess::getTargetOwner).anyMatch(owner -> OPENSAML_PACKAGES.stream()
                            .anyMatch(prefix -> owner.getName().startsWith(prefix)))
                    && !runTime.contains(type.getName())) {
                missing.add(type.getName());
            }
        }
        assertThat(runTime).contains("io.stsgate.identity.saml.OpenSamlSupport",
                "org.opensaml.core.config.ConfigurationService");
        assertThat(missing).as("add them to --initialize-at-run-time in application.properties").isEmpty();
    }

    @Test
    void everyClassInitialisedAtRunTimeExists() throws Exception {
        for (String name : initialisedAtRunTime()) {
            assertThat(Class.forName(name, false, getClass().getClassLoader())).as(name).isNotNull();
        }
    }

    /** The classes {@code quarkus.native.additional-build-args} names after {@code --initialize-at-run-time=}. */
    private static List<String> initialisedAtRunTime() throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        String prefix = "--initialize-at-run-time=";
        for (String argument : properties.getProperty("quarkus.native.additional-build-args").split("(?<!\\\\),")) {
            String trimmed = argument.strip();
            if (trimmed.startsWith(prefix)) {
                return List.of(trimmed.substring(prefix.length()).split("\\\\,"));
            }
        }
        throw new AssertionError("no --initialize-at-run-time in quarkus.native.additional-build-args");
    }

    /** What the rule refuses. */
    static final class Offender {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
