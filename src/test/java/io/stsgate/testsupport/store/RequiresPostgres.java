package io.stsgate.testsupport.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only when PostgreSQL answers on {@link TestPostgres#URL}, or when the system property
 * {@code postgres.required} is set (CI sets it, so an unreachable PostgreSQL fails there instead of skipping).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(PostgresAvailableCondition.class)
public @interface RequiresPostgres {
}
