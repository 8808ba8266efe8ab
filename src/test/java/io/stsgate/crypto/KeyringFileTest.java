package io.stsgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringFileTest {

    private static final String K1 = Base64.getEncoder().encodeToString(TestKeys.material("k1"));
    private static final String K2 = Base64.getEncoder().encodeToString(TestKeys.material("k2"));
    private static final String SHORT = Base64.getEncoder().encodeToString(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1,
            0, 1, 2, 3, 4, 5, 6 });

    @TempDir
    Path dir;

    @Test
    void whenValidFileThenKeysLoadInOrderAndLastIsPrimary() throws IOException {
        Path file = write("# keyring\n\nk1 " + K1 + "\n   \n  # rotated in\n\tk2   " + K2 + "  \n");

        Keyring keyring = KeyringFile.load(file);

        assertThat(keyring.keys()).containsExactly(TestKeys.key("k1"), TestKeys.key("k2"));
        assertThat(keyring.primary().id()).isEqualTo("k2");
    }

    @Test
    void whenTheNewestKeyIsInStandbyThenItOpensButTheKeyBeforeItSeals() throws IOException {
        Path file = write("k1 " + K1 + "\nk2 " + K2 + " standby\n");

        Keyring keyring = KeyringFile.load(file);

        assertThat(keyring.keys()).containsExactly(TestKeys.key("k1"), TestKeys.key("k2"));
        assertThat(keyring.primary().id()).isEqualTo("k1");
        assertThat(keyring.find("k2")).contains(TestKeys.key("k2"));
    }

    @Test
    void whenEveryKeyIsInStandbyThenErrorNamesFile() throws IOException {
        Path file = write("k1 " + K1 + " standby\n");

        assertThat(loadFails(file).getMessage()).contains(file.toString()).contains("only standby keys");
    }

    @Test
    void whenCrlfLineEndingsThenLoaded() throws IOException {
        Path file = write("k1 " + K1 + "\r\nk2 " + K2 + "\r\n");

        assertThat(KeyringFile.load(file).keys()).hasSize(2);
    }

    @Test
    void whenDuplicateIdThenErrorNamesFileAndLine() throws IOException {
        Path file = write("k1 " + K1 + "\n# comment\nk1 " + K2 + "\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains(file.toString()).contains("line 3").contains("duplicate key id 'k1'");
        assertNoMaterial(e);
    }

    @Test
    void whenKeyIsShorterThan32BytesThenErrorNamesFileAndLine() throws IOException {
        Path file = write("k1 " + K1 + "\nk2 " + SHORT + "\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains(file.toString()).contains("line 2").contains("32 bytes").contains("16");
        assertNoMaterial(e);
    }

    @Test
    void whenKeyIsNotBase64ThenErrorNamesFileAndLine() throws IOException {
        Path file = write("\n\nk1 " + K1.substring(0, 20) + "!!" + K1.substring(22) + "\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains(file.toString()).contains("line 3").contains("not valid base64");
        assertThat(e.getCause()).isNull();
        assertNoMaterial(e);
    }

    @Test
    void whenIdIsInvalidThenErrorNamesFileAndLine() throws IOException {
        Path file = write("k1 " + K1 + "\nbad.id " + K2 + "\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains(file.toString()).contains("line 2").contains("[A-Za-z0-9_-]");
        assertNoMaterial(e);
    }

    @Test
    void whenFieldsAreSwappedThenErrorDoesNotEchoTheKey() throws IOException {
        Path file = write(K1 + " k1\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains("line 1");
        assertNoMaterial(e);
    }

    @Test
    void whenLineHasThreeFieldsThenErrorNamesFileAndLine() throws IOException {
        Path file = write("k1 " + K1 + " trailing\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains(file.toString()).contains("line 1").contains("two fields");
        assertNoMaterial(e);
    }

    @Test
    void whenLineHasOneFieldThenErrorNamesFileAndLine() throws IOException {
        Path file = write("k1\n");

        KeyringException e = loadFails(file);

        assertThat(e.getMessage()).contains(file.toString()).contains("line 1").contains("two fields");
    }

    @Test
    void whenFileHasNoKeyThenErrorNamesFile() throws IOException {
        Path file = write("# nothing here\n\n");

        assertThat(loadFails(file).getMessage()).contains(file.toString()).contains("no key");
    }

    @Test
    void whenFileIsMissingThenErrorNamesFile() {
        Path file = dir.resolve("missing.keys");

        assertThat(loadFails(file).getMessage()).contains(file.toString()).contains("does not exist");
    }

    @Test
    void whenGeneratedThenOneFreshKeyWithOwnerOnlyPermissions() throws IOException {
        Path file = dir.resolve("keyring");

        KeyringKey key = KeyringFile.generate(file);

        Keyring loaded = KeyringFile.load(file);
        assertThat(loaded.keys()).containsExactly(key);
        assertThat(KeyringKey.isValidId(key.id())).isTrue();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(KeyringFile.generate(dir.resolve("other"))).isNotEqualTo(key);
    }

    @Test
    void whenGeneratingOverAnExistingFileThenRefusedAndFileKept() throws IOException {
        Path file = write("k1 " + K1 + "\n");

        KeyringException e = catchThrowableOfType(KeyringException.class, () -> KeyringFile.generate(file));

        assertThat(e.getMessage()).contains(file.toString()).contains("already exists");
        assertThat(KeyringFile.load(file).keys()).containsExactly(TestKeys.key("k1"));
    }

    @Test
    void whenAppendedThenNewKeyIsPrimaryAndOldKeysRemain() throws IOException {
        Path file = write("# mine\nk1 " + K1); // no trailing newline

        KeyringKey added = KeyringFile.append(file);

        Keyring loaded = KeyringFile.load(file);
        assertThat(loaded.keys()).containsExactly(TestKeys.key("k1"), added);
        assertThat(loaded.primary()).isEqualTo(added);
        assertThat(Files.readString(file)).startsWith("# mine\nk1 " + K1 + "\n");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void whenAppendingToAnInvalidFileThenRefusedAndFileUntouched() throws IOException {
        Path file = write("k1 " + SHORT + "\n");

        KeyringException e = catchThrowableOfType(KeyringException.class, () -> KeyringFile.append(file));

        assertThat(e.getMessage()).contains("line 1");
        assertThat(Files.readString(file)).isEqualTo("k1 " + SHORT + "\n");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("keyring.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static KeyringException loadFails(Path file) {
        KeyringException e = catchThrowableOfType(KeyringException.class, () -> KeyringFile.load(file));
        assertThat(e).as("expected a KeyringException").isNotNull();
        return e;
    }

    private static void assertNoMaterial(KeyringException e) {
        assertThat(e.getMessage()).doesNotContain(K1).doesNotContain(K2).doesNotContain(SHORT)
                .doesNotContain(K1.substring(0, 12)).doesNotContain(K2.substring(0, 12))
                .doesNotContain(SHORT.substring(0, 12));
    }
}
