package io.stsgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Nothing in stsgate holds per-run state in a static field. A native image runs static initialisers in the builder
 * and freezes their results into the executable: a random generator would be seeded once for every process started
 * from it, a key would be the same everywhere, a clock or an instant would be the build's. Such state lives in
 * instances (injected, or made per call); a thread-local holder of a {@code Mac} or {@code Cipher} is fine, it is
 * filled at run time.
 */
class BuildTimeStateTest {

    private static final DescribedPredicate<JavaClass> PER_RUN_STATE = DescribedPredicate.describe(
            "a random generator, key, key store, cipher, MAC, clock or instant",
            type -> type.isAssignableTo(Random.class) || type.isAssignableTo(SplittableRandom.class)
                    || type.isAssignableTo(Key.class) || type.isAssignableTo(KeyPair.class)
                    || type.isAssignableTo(KeyStore.class) || type.isAssignableTo(Cipher.class)
                    || type.isAssignableTo(Mac.class) || type.isAssignableTo(Clock.class)
                    || type.isAssignableTo(Instant.class));

    @Test
    void noStaticFieldHoldsPerRunState() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stsgate");
        noFields().that().areDeclaredInClassesThat().resideInAPackage("io.stsgate..").and()
                .haveModifier(JavaModifier.STATIC).should().haveRawType(PER_RUN_STATE)
                .because("a native image would freeze it at build time (README: Native executable)").check(classes);
    }

    @Test
    void theRuleSeesAStaticGenerator() {
        var classes = new ClassFileImporter().importClasses(Offender.class);
        var rule = noFields().that().haveModifier(JavaModifier.STATIC).should().haveRawType(PER_RUN_STATE);
        org.assertj.core.api.Assertions.assertThat(rule.evaluate(classes).hasViolation()).isTrue();
    }

    /** What the rule refuses. */
    static final class Offender {
        static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    }
}
