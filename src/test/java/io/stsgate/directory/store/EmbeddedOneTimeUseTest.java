package io.stsgate.directory.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.stsgate.testsupport.store.TestStores;
import io.stsgate.testsupport.store.TestStores.TestStore;

class EmbeddedOneTimeUseTest extends OneTimeUseContract {

    @TempDir
    Path folder;

    @Override
    TestStore newStore() {
        return TestStores.embedded(folder);
    }
}
