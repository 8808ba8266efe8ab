package io.stsgate.directory;

import static io.stsgate.directory.EntryChecks.list;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.stsgate.crypto.Base32;

/** Reads the users of a directory file with their access keys and MFA devices. */
final class UserEntryReader {

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");

    private final EntryChecks checks;
    private final RoleEntryReader policies;
    private final List<User> users = new ArrayList<>();
    private final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
    private final List<MfaDevice> mfaDevices = new ArrayList<>();

    /** {@code policies} reads the policies attached to users, as it does for roles. */
    UserEntryReader(EntryChecks checks, RoleEntryReader policies) {
        this.checks = checks;
        this.policies = policies;
    }

    List<User> users() {
        return users;
    }

    Collection<AccessKey> accessKeys() {
        return accessKeys.values();
    }

    List<MfaDevice> mfaDevices() {
        return mfaDevices;
    }

    void user(String account, DirectoryFile.UserEntry entry, String where) {
        String name = checks.name(entry.name(), where);
        String at = where + " '" + name + "'";
        String path = checks.path(entry.path(), at);
        var attached = policies.policies(entry.policies(), at, "user " + name);
        if (entry.userId() != null && !UniqueIds.isUserId(entry.userId())) {
            throw checks.fail(at, "userId: must be AIDA followed by 17 upper-case letters or digits, or left out to "
                    + "have one assigned");
        }
        var user = User.of(account, path, name, entry.userId(), checks.tags(entry.tags(), at), attached.inline(),
                attached.managed());
        if (users.stream().anyMatch(u -> u.arn().equals(user.arn()))) {
            throw checks.fail(at, "name: duplicate user");
        }
        users.stream().filter(u -> u.userId().equals(user.userId())).findFirst().ifPresent(other -> {
            throw checks.fail(at, "userId: " + user.userId() + " is already the id of " + other.arn());
        });
        users.add(user);
        list(entry.accessKeys()).forEachIndexed((i, k) -> accessKey(user, k, at + " > accessKeys[" + i + "]"));
        list(entry.mfaDevices()).forEachIndexed((i, d) -> mfaDevice(user, d, at + " > mfaDevices[" + i + "]"));
    }

    private void accessKey(User user, DirectoryFile.AccessKeyEntry entry, String where) {
        if (entry.id() == null || !ACCESS_KEY_ID.matcher(entry.id()).matches()) {
            throw checks.fail(where, "id: must be AKIA followed by 16 upper-case letters or digits");
        }
        String at = where + " '" + entry.id() + "'";
        if (accessKeys.containsKey(entry.id())) {
            throw checks.fail(at, "id: duplicate access key id");
        }
        if (entry.secret() == null || entry.secret().length() < 16 || entry.secret().length() > 128
                || entry.secret().isBlank()) {
            throw checks.fail(at, "secret: must be 16 to 128 characters");
        }
        var status = entry.status() == null ? AccessKey.Status.Active : entry.status();
        accessKeys.put(entry.id(), new AccessKey(entry.id(), entry.secret(), user.arn(), status));
    }

    private void mfaDevice(User user, DirectoryFile.MfaDeviceEntry entry, String where) {
        String name = checks.name(entry.name(), where);
        String at = where + " '" + name + "'";
        String serial = Arns.mfa(user.accountId(), name);
        if (mfaDevices.stream().anyMatch(d -> d.serialNumber().equals(serial))) {
            throw checks.fail(at, "name: duplicate MFA device " + serial);
        }
        byte[] seed;
        try {
            seed = Base32.decode(entry.seed() == null ? "" : entry.seed());
        } catch (IllegalArgumentException e) {
            throw checks.fail(at, "seed: not valid base32");
        }
        if (seed.length < 10) {
            throw checks.fail(at, "seed: must hold at least 80 bits (16 base32 characters)");
        }
        mfaDevices.add(new MfaDevice(serial, user.arn(), seed));
    }
}
