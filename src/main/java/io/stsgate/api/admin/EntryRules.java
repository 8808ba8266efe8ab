package io.stsgate.api.admin;

import java.util.List;
import java.util.Optional;

import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.StoredEntry;

/**
 * Checks the admin API makes before the store sees a change: what the URL says and the body says must agree, names
 * are unique in their account, nothing is deleted from under an entry that needs it. Everything else (name syntax,
 * policies, certificates, ...) is the directory loader's, which validates the whole result of every change.
 */
final class EntryRules {

    private EntryRules() {
    }

    /** The entry's name (or id), needed before anything can be looked up. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw AdminProblem.invalid(field, field + ": is required");
        }
        return value;
    }

    /** A replaced entry keeps the name its URL gives. */
    static void sameAsUrl(String field, String inBody, String inUrl) {
        if (!inUrl.equals(inBody)) {
            throw AdminProblem.invalid(field, field + ": must be '" + inUrl + "' as in the URL, got "
                    + (inBody == null ? "nothing" : "'" + inBody + "'") + "; renaming is delete and create");
        }
    }

    /** A replaced entry keeps its key: a role's path, a provider's URL are part of its ARN. */
    static void sameKey(NewEntry replacement, StoredEntry current, String field) {
        if (!replacement.id().equals(current.id())) {
            throw AdminProblem.invalid(field, field + ": cannot change (" + current.key() + " would become "
                    + replacement.id().key() + "); delete the entry and create the new one");
        }
    }

    /** Refuses a second entry of the same name in an account, whatever its path (IAM names are unique per account). */
    static void notTaken(Optional<StoredEntry> existing, String what) {
        if (existing.isPresent()) {
            throw new AdminProblem(AdminErrorCode.ALREADY_EXISTS, "name", what + " already exists ("
                    + existing.get().key() + ")");
        }
    }

    /** Refuses deleting an entry others still need. */
    static void noDependents(List<StoredEntry> dependents, String what) {
        if (!dependents.isEmpty()) {
            throw new AdminProblem(AdminErrorCode.DELETE_CONFLICT, null, what + " is still needed by "
                    + dependents.size() + " entr" + (dependents.size() == 1 ? "y" : "ies") + ", first "
                    + dependents.get(0).kind().wireName() + " " + dependents.get(0).key() + "; delete those first");
        }
    }
}
