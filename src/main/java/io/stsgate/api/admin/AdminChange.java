package io.stsgate.api.admin;

import io.stsgate.directory.Revocation;
import io.stsgate.directory.store.StoredEntry;

/**
 * One thing an admin call changed, as the change log names it: never the body, which may hold a secret or a seed.
 *
 * @param action create, update or delete
 * @param kind an entry kind's wire name, {@code revocation} or {@code mfa-device-lock}
 * @param key the entry's key (an ARN, an access key id, an account id) or the revocation's id
 * @param accountId the entry's account, or null
 * @param version the version the change gave the entry, or null (a deletion, a revocation)
 */
record AdminChange(String action, String kind, String key, String accountId, Long version) {

    static AdminChange created(StoredEntry entry) {
        return new AdminChange("create", entry.kind().wireName(), entry.key(), entry.accountId(), entry.version());
    }

    static AdminChange updated(StoredEntry entry) {
        return new AdminChange("update", entry.kind().wireName(), entry.key(), entry.accountId(), entry.version());
    }

    static AdminChange deleted(StoredEntry entry) {
        return new AdminChange("delete", entry.kind().wireName(), entry.key(), entry.accountId(), null);
    }

    /** Clearing an MFA device's brute-force lock, named by the device's serial number. */
    static AdminChange lockCleared(StoredEntry device) {
        return new AdminChange("delete", "mfa-device-lock", device.key(), device.accountId(), null);
    }

    /** A revocation is named by its id; GET /admin/v1/revocations shows what it revokes. */
    static AdminChange revoked(Revocation revocation) {
        return new AdminChange("create", "revocation", String.valueOf(revocation.id()), null, null);
    }
}
