package io.stsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stsgate.crypto.KeyringFile;
import io.stsgate.crypto.KeyringKey;
import io.stsgate.testsupport.TestClients;
import io.stsgate.testsupport.process.ReplicaSetup;
import io.stsgate.testsupport.process.StsgateProcess;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The documented keyring rotation on the packaged application: a new key added in standby, then made primary (the
 * stored secrets are re-sealed at that start), then the old key removed; the long-term access key stored under the
 * old key still signs in at the end.
 */
class KeyringRotationIT {

    @TempDir
    Path folder;

    @Test
    void afterStandbyPromotionAndRemovalOfTheOldKeyTheStoredSecretsStillOpen() throws Exception {
        var setup = ReplicaSetup.in(folder);
        Map<String, String> properties = setup.embedded(folder.resolve("store"));
        Path keyring = setup.keyring();
        String oldLine = keyLines(keyring).get(0);
        String newKey = Base64.getEncoder().encodeToString(new java.security.SecureRandom()
                .generateSeed(KeyringKey.MATERIAL_LENGTH));

        assertOperatorSignsIn(setup, properties);
        Files.writeString(keyring, "\nrotated " + newKey + " standby\n", StandardOpenOption.APPEND);
        assertThat(KeyringFile.load(keyring).primary().id()).isNotEqualTo("rotated");
        assertOperatorSignsIn(setup, properties);
        Files.writeString(keyring, oldLine + "\nrotated " + newKey + "\n");
        assertThat(KeyringFile.load(keyring).primary().id()).isEqualTo("rotated");
        assertOperatorSignsIn(setup, properties);
        Files.writeString(keyring, "rotated " + newKey + "\n");

        assertOperatorSignsIn(setup, properties);
    }

    private static List<String> keyLines(Path keyring) throws Exception {
        return Files.readAllLines(keyring).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** Starts the application, signs in with the stored long-term key, stops it. */
    private static void assertOperatorSignsIn(ReplicaSetup setup, Map<String, String> properties) {
        try (var process = StsgateProcess.start("rotation", properties);
                var sts = TestClients.sts(process.endpoint(),
                        AwsBasicCredentials.create(setup.accessKeyId(), setup.secretAccessKey()))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(ReplicaSetup.OPERATOR_ARN);
        }
    }
}
