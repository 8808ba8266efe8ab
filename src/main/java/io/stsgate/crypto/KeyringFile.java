package io.stsgate.crypto;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A keyring stored as text: one key per line, {@code <id> <base64 of 32 random bytes>}, optionally followed by
 * {@code standby} (the key opens but does not seal: the first step of a rotation across replicas); lines starting
 * with {@code #} and blank lines are ignored. The last key not in standby is the primary. Errors name the file and
 * the line, never the key material.
 */
public final class KeyringFile {

    private static final String HEADER = """
            # stsgate keyring: one key per line, "<id> <base64 of 32 random bytes>".
            # The last key without "standby" after it seals; every key opens. Keep this file secret (mode 600).
            """;
    private static final long MAX_FILE_SIZE = 1024 * 1024;
    private static final String STANDBY = "standby";

    private KeyringFile() {
    }

    /**
     * Loads and validates the keyring at {@code path}.
     *
     * @throws KeyringException if the file cannot be read, an entry is invalid, two entries share an id, or there is
     *         no key
     */
    public static Keyring load(Path path) {
        List<String> lines = readLines(path);
        List<KeyringKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String primaryId = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            String[] fields = line.split("\\s+");
            boolean standby = fields.length == 3 && STANDBY.equals(fields[2]);
            if (fields.length != 2 && !standby) {
                throw lineError(path, lineNumber, "expected '<id> <base64 key>' (two fields, or a third: 'standby'), "
                        + "found " + fields.length + " field(s)");
            }
            String id = fields[0];
            if (!KeyringKey.isValidId(id)) {
                throw lineError(path, lineNumber, "key id must be 1..32 characters of [A-Za-z0-9_-]");
            }
            if (!ids.add(id)) {
                throw lineError(path, lineNumber, "duplicate key id '" + id + "'");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                // The decoder's message may quote the offending character; do not chain it.
                throw lineError(path, lineNumber, "key '" + id + "' is not valid base64");
            }
            if (material.length != KeyringKey.MATERIAL_LENGTH) {
                int length = material.length;
                Arrays.fill(material, (byte) 0);
                throw lineError(path, lineNumber, "key '" + id + "' must be " + KeyringKey.MATERIAL_LENGTH
                        + " bytes, found " + length);
            }
            keys.add(new KeyringKey(id, material));
            Arrays.fill(material, (byte) 0);
            if (!standby) {
                primaryId = id;
            }
        }
        if (keys.isEmpty()) {
            throw new KeyringException("Keyring file " + path + " holds no key");
        }
        if (primaryId == null) {
            throw new KeyringException("Keyring file " + path + " holds only standby keys; one must seal");
        }
        return new Keyring(keys, primaryId);
    }

    /**
     * Writes a new keyring file with one fresh random key, with POSIX permissions 600 where the file system supports
     * them.
     *
     * @return the new key
     * @throws KeyringException if the file already exists or cannot be written
     */
    public static KeyringKey generate(Path path) {
        KeyringKey key = newKey(Set.of());
        try {
            Files.write(createPrivateFile(path), (HEADER + line(key)).getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
            throw new KeyringException("Keyring file " + path + " already exists; use append to rotate");
        } catch (IOException e) {
            throw new KeyringException("Cannot write keyring file " + path + ": " + e.getClass().getSimpleName(), e);
        }
        return key;
    }

    /**
     * Appends a fresh random key to an existing, valid keyring file; the new key becomes the primary. The file is
     * replaced atomically (where the file system allows) by one with permissions 600.
     *
     * @return the new key
     * @throws KeyringException if the existing file is invalid or cannot be rewritten
     */
    public static KeyringKey append(Path path) {
        Keyring existing = load(path);
        Set<String> ids = new HashSet<>();
        existing.keys().forEach(k -> ids.add(k.id()));
        KeyringKey key = newKey(ids);
        Path temp = null;
        try {
            byte[] current = Files.readAllBytes(path);
            String separator = current.length == 0 || current[current.length - 1] == '\n' ? "" : "\n";
            byte[] addition = (separator + line(key)).getBytes(StandardCharsets.US_ASCII);
            byte[] content = Arrays.copyOf(current, current.length + addition.length);
            System.arraycopy(addition, 0, content, current.length, addition.length);
            Path dir = path.toAbsolutePath().getParent();
            temp = createPrivateFile(dir.resolve("." + path.getFileName() + "." + Hex.encode(randomBytes(6))));
            Files.write(temp, content);
            Arrays.fill(content, (byte) 0);
            Arrays.fill(current, (byte) 0);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new KeyringException("Cannot rewrite keyring file " + path + ": " + e.getClass().getSimpleName(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the original file is untouched
                }
            }
        }
        return key;
    }

    private static List<String> readLines(Path path) {
        try {
            if (Files.size(path) > MAX_FILE_SIZE) {
                throw new KeyringException("Keyring file " + path + " is larger than " + MAX_FILE_SIZE + " bytes");
            }
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyringException("Keyring file " + path + " does not exist");
        } catch (CharacterCodingException e) {
            throw new KeyringException("Keyring file " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new KeyringException("Cannot read keyring file " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyringException lineError(Path path, int lineNumber, String problem) {
        return new KeyringException("Keyring file " + path + ", line " + lineNumber + ": " + problem);
    }

    private static Path createPrivateFile(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions
                    .asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createFile(path, ownerOnly);
        }
        return Files.createFile(path);
    }

    private static KeyringKey newKey(Set<String> takenIds) {
        String id;
        do {
            id = "key-" + Hex.encode(randomBytes(4));
        } while (takenIds.contains(id));
        byte[] material = randomBytes(KeyringKey.MATERIAL_LENGTH);
        try {
            return new KeyringKey(id, material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static String line(KeyringKey key) {
        byte[] material = key.material();
        try {
            return key.id() + " " + Base64.getEncoder().encodeToString(material) + "\n";
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** From a generator made at run time (never a static one, which a native image would seed at build time). */
    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
