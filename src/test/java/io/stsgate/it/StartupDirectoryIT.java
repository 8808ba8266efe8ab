package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.crypto.KeyringFile;
import io.stsgate.testsupport.process.ReplicaSetup;
import io.stsgate.testsupport.process.StsgateProcess;

/**
 * What start-up tells an operator when the store and the files beside it disagree: a store sealed with a keyring that
 * is gone, a directory file edited after it seeded the store, and the demo profile applying its file at every start.
 */
class StartupDirectoryIT {

    private static final Path LOGS = Path.of("target", "it-logs");

    @TempDir
    Path folder;

    @Test
    void aStoreThatNoKeyOfTheKeyringOpensNamesTheKeyringAndTheStoreFolder() throws Exception {
        var setup = ReplicaSetup.in(folder);
        Path store = folder.resolve("store");
        Map<String, String> properties = setup.embedded(store);
        try (var process = StsgateProcess.start("startup-keyring-1", properties)) {
            process.stop();
        }
        Files.delete(setup.keyring());
        KeyringFile.generate(setup.keyring());

        assertThatThrownBy(() -> StsgateProcess.start("startup-keyring-2", properties).close())
                .hasMessageContaining("during start-up");
        assertThat(log("startup-keyring-2")).contains("does not open with the keyring")
                .contains("Put that keyring back at " + setup.keyring().toAbsolutePath())
                .contains("deleting the store folder " + store.toAbsolutePath().normalize());
    }

    @Test
    void aChangedDirectoryFileThatIsNotAppliedIsReportedAtStartUp() throws Exception {
        var setup = ReplicaSetup.in(folder);
        Map<String, String> properties = setup.embedded(folder.resolve("store"));
        try (var process = StsgateProcess.start("startup-differs-1", properties)) {
            process.stop();
        }
        rename(setup, "Replica test", "Replica test, renamed");

        try (var process = StsgateProcess.start("startup-differs-2", properties)) {
            process.stop();
        }
        assertThat(log("startup-differs-2")).contains("differs from the store")
                .contains("~ account " + ReplicaSetup.ACCOUNT).contains("stsgate.directory.apply-on-start=true");
        assertThat(log("startup-differs-1")).doesNotContain("differs from the store");
    }

    @Test
    void theDemoProfileAppliesItsDirectoryFileAtEveryStart() throws Exception {
        var setup = ReplicaSetup.in(folder);
        Map<String, String> properties = setup.embedded(folder.resolve("store"));
        properties.put("quarkus.profile", "demo");
        try (var process = StsgateProcess.start("startup-demo-1", properties)) {
            process.stop();
        }
        rename(setup, "Replica test", "Replica test, renamed");

        try (var process = StsgateProcess.start("startup-demo-2", properties)) {
            process.stop();
        }
        assertThat(log("startup-demo-2")).contains("applied to the store: 1 change(s)")
                .doesNotContain("differs from the store");
    }

    private static void rename(ReplicaSetup setup, String from, String to) throws Exception {
        String file = Files.readString(setup.directoryFile());
        assertThat(file).contains(from);
        Files.writeString(setup.directoryFile(), file.replace(from, to));
    }

    private static String log(String name) throws Exception {
        return Files.readString(LOGS.resolve(name + ".log"));
    }
}
