package io.stsgate.testsupport.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated tests only when Debian's chromium ({@code /usr/bin/chromium}), {@code node} and the Playwright
 * project in {@code src/test/browser} ({@code npm ci --prefix src/test/browser}) are present, or when
 * {@code browser.required} is set as a system property or {@code BROWSER_REQUIRED} in the environment (CI sets it, so
 * a missing browser fails there instead of skipping).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(BrowserAvailableCondition.class)
public @interface RequiresBrowser {
}
