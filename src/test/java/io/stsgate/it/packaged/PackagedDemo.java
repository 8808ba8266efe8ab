package io.stsgate.it.packaged;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The packaged application (the jar, or with {@code -Pnative} the native executable) in the demo profile: the demo
 * directory, a keyring generated in a fresh store folder ({@link PackagedStore}), listening on loopback only.
 */
public class PackagedDemo implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "demo";
    }
}
