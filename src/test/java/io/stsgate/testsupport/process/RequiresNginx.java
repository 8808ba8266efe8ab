package io.stsgate.testsupport.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only when Debian's nginx, the AWS CLI v2 ({@code /usr/bin/aws}), boto3 for
 * {@code /usr/bin/python3} and the S3Proxy jar ({@code target/s3proxy}, fetched by the pom) are all here, or when the
 * system property {@code nginx.required} is set (CI sets it, so a missing part fails there instead of skipping).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(NginxAvailableCondition.class)
public @interface RequiresNginx {
}
