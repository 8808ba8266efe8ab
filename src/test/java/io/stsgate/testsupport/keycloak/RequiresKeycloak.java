package io.stsgate.testsupport.keycloak;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only when a Keycloak distribution is unpacked in {@code target/keycloak}, or when the
 * system property {@code keycloak.required} is set (CI sets it, so a missing distribution fails there
 * instead of skipping).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(KeycloakAvailableCondition.class)
public @interface RequiresKeycloak {
}
