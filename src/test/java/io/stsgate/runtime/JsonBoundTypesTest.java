package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@link JsonBoundTypes} stays complete: every stsgate class whose class literal appears in a class holding a Jackson
 * mapper (a {@code readValue(json, X.class)}, a {@code treeToValue(node, X.class)}) is registered, or sits inside a
 * registered record, so the native image can bind it.
 */
class JsonBoundTypesTest {

    @Test
    void everyTypeBoundNextToAJacksonMapperIsRegistered() throws Exception {
        Set<String> registered = reachable(JsonBoundTypes.class.getAnnotation(RegisterForReflection.class).classNames());
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stsgate");
        var bound = new TreeSet<String>();
        for (JavaClass type : classes) {
            if (type.getAllFields().stream().noneMatch(JsonBoundTypesTest::isMapper)) {
                continue;
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                for (ReferencedClassObject literal : unit.getReferencedClassObjects()) {
                    JavaClass target = literal.getRawType();
                    // A class's own literal names its logger, not a bound type.
                    if (target.getPackageName().startsWith("io.stsgate") && !target.equals(type)
                            && !target.isEnum() && !target.isAnnotation()) {
                        bound.add(target.getName());
                    }
                }
            }
        }
        assertThat(bound).as("class literals next to Jackson mappers").contains("io.stsgate.directory.DirectoryFile",
                "io.stsgate.api.saml.PendingSignIn");
        assertThat(registered).as("types reachable from JsonBoundTypes").containsAll(bound);
    }

    @Test
    void theRegisteredTypesExistAndReachTheirComponents() throws Exception {
        Set<String> registered = reachable(JsonBoundTypes.class.getAnnotation(RegisterForReflection.class).classNames());
        assertThat(registered).contains("io.stsgate.directory.DirectoryFile$RoleEntry",
                "io.stsgate.directory.DirectoryFile$RouteEntry", "io.stsgate.identity.saml.VerifiedAssertion");
    }

    private static boolean isMapper(JavaField field) {
        JavaClass type = field.getRawType();
        return type.isAssignableTo(ObjectMapper.class) || type.isAssignableTo(ObjectReader.class)
                || type.isAssignableTo(ObjectWriter.class);
    }

    /** The named classes and every stsgate type their instance fields hold, through generic type arguments. */
    private static Set<String> reachable(String[] roots) throws ClassNotFoundException {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<Class<?>>();
        for (String root : roots) {
            queue.add(Class.forName(root));
        }
        while (!queue.isEmpty()) {
            Class<?> type = queue.poll();
            if (!type.getName().startsWith("io.stsgate") || !seen.add(type.getName())) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    collect(field.getGenericType(), queue);
                }
            }
        }
        return seen;
    }

    private static void collect(Type type, ArrayDeque<Class<?>> queue) {
        if (type instanceof Class<?> raw && !TreeNode.class.isAssignableFrom(raw)) {
            queue.add(raw.isArray() ? raw.getComponentType() : raw);
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), queue);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, queue);
            }
        }
    }
}
