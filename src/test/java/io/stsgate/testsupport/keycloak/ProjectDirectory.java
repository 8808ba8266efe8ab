package io.stsgate.testsupport.keycloak;

import java.nio.file.Path;

/** The Maven project directory: surefire's {@code basedir} property, else the working directory. */
final class ProjectDirectory {

    private ProjectDirectory() {
    }

    static Path path() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    static Path target() {
        return path().resolve("target");
    }
}
