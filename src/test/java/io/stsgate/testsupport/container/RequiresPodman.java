package io.stsgate.testsupport.container;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only when {@code podman} is on the PATH, or when {@code podman.required} is set as a system
 * property or {@code PODMAN_REQUIRED} in the environment (CI sets it, so a missing podman fails there instead of
 * skipping).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(PodmanAvailableCondition.class)
public @interface RequiresPodman {
}
