package io.stsgate.api.container;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only when Debian's AWS CLI ({@code /usr/bin/aws}, package {@code awscli}) and boto3
 * ({@code /usr/bin/python3} with {@code python3-boto3}) are installed, or when {@code awsclients.required} is set as a
 * system property or {@code AWSCLIENTS_REQUIRED} in the environment (CI sets it, so missing clients fail there).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(DebianAwsClientsCondition.class)
@interface RequiresDebianAwsClients {
}
