package io.stsgate.it.packaged;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The packaged application (the jar, or with {@code -Pnative} the native executable) in the demo profile, started
 * once for every {@code *PackagedIT} class: the demo directory plus a SAML account ({@link PackagedDirectory}), a
 * keyring generated in a fresh store folder ({@link PackagedStore}), listening on loopback only.
 */
public class PackagedDemo implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "demo";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PackagedStore.class), new TestResourceEntry(PackagedDirectory.class));
    }
}
