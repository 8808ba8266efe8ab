package io.stsgate.directory.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.UniqueIds;

/**
 * The unique ids of roles ({@code roleId}) and users ({@code userId}) in stored bodies: drawn at random when the entry
 * is first stored unless the body brings one (a file exported from another store), then never changed. A body without
 * an id keeps the stored one, so applying a file again, or an admin PUT of what a GET returned, changes nothing;
 * a body naming another id is refused, because a new id would be a new principal under an old name. The store's
 * write path is the one place every entry passes, so here no way of storing an entry can skip it.
 */
final class EntryUniqueIds {

    private EntryUniqueIds() {
    }

    /** The body field holding {@code kind}'s unique id, or null for kinds without one. */
    static String field(EntryKind kind) {
        return switch (kind) {
            case ROLE -> "roleId";
            case USER -> "userId";
            default -> null;
        };
    }

    /** The body to insert: with a fresh random id when it brings none. */
    static ObjectNode forInsert(EntryId id, ObjectNode body) {
        String field = field(id.kind());
        if (field != null && !body.hasNonNull(field)) {
            ObjectNode withId = body.deepCopy();
            withId.put(field, id.kind() == EntryKind.ROLE ? UniqueIds.newRoleId() : UniqueIds.newUserId());
            return withId;
        }
        return body;
    }

    /** The body to write over {@code current}: with the stored id; refused when it names another. */
    static ObjectNode forUpdate(StoredEntry current, ObjectNode body) {
        String field = field(current.kind());
        if (field == null) {
            return body;
        }
        String kept = requireSame(current, body);
        ObjectNode withId = body.deepCopy();
        withId.put(field, kept);
        return withId;
    }

    /**
     * The body a plan compares with {@code stored}: the stored id when there is one; none for an entry stored before
     * ids were kept, whose id stays derived, so a file naming that derived id changes nothing either.
     */
    static ObjectNode forPlan(StoredEntry stored, ObjectNode body) {
        String field = field(stored.kind());
        if (field == null) {
            return body;
        }
        String kept = requireSame(stored, body);
        ObjectNode planned = body.deepCopy();
        if (stored.body().hasNonNull(field)) {
            planned.put(field, kept);
        } else {
            planned.remove(field);
        }
        return planned;
    }

    /** The entry's id, when {@code body} leaves it out or names the same; refused when it names another. */
    private static String requireSame(StoredEntry current, ObjectNode body) {
        String field = field(current.kind());
        String kept = idOf(current);
        if (body.hasNonNull(field) && !body.get(field).asText().equals(kept)) {
            throw new DirectoryFileException("store: " + current.id() + ": " + field + ": is " + kept
                    + " and cannot change (it was assigned when the entry was created); leave it out, or delete the "
                    + "entry and create it again to make it a new principal");
        }
        return kept;
    }

    /** The entry's id: stored, or for an entry stored before ids were kept, the one derived from its ARN. */
    static String idOf(StoredEntry entry) {
        String field = field(entry.kind());
        ObjectNode body = entry.body();
        if (body.hasNonNull(field)) {
            return body.get(field).asText();
        }
        return entry.kind() == EntryKind.ROLE ? UniqueIds.legacyRoleId(entry.key())
                : UniqueIds.legacyUserId(entry.key());
    }
}
