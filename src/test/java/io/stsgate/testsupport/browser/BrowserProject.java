package io.stsgate.testsupport.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the browser tests need on this machine: Debian's chromium, node, and the Playwright project. */
public final class BrowserProject {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserProject() {
    }

    /** {@code src/test/browser} of the Maven project (surefire's {@code basedir}, else the working directory). */
    public static Path directory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath()
                .resolve("src/test/browser");
    }

    /** The {@code node} executable on PATH. */
    public static Optional<Path> node() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Human-readable names of what is missing; empty when the browser tests can run. */
    static List<String> missing() {
        var missing = new ArrayList<String>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM.toString());
        }
        if (node().isEmpty()) {
            missing.add("node on PATH");
        }
        Path playwright = directory().resolve("node_modules/playwright-core");
        if (!Files.isDirectory(playwright)) {
            missing.add(playwright.toString());
        }
        return missing;
    }
}
