package io.stsgate.api.admin;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.Arns;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * An entry as the admin API shows it: its key (and ARN when it has one), the account, the entry's fields as in the
 * declarative file, its version and times. Sealed secrets and seeds are removed here, the one place every read goes
 * through, so no GET, list or export can show them.
 */
final class EntryRepresentation {

    /** Body fields that hold sealed secrets. */
    static final List<String> SEALED = List.of("secret", "seed");

    private EntryRepresentation() {
    }

    static ObjectNode of(StoredEntry entry) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("key", entry.key());
        if (entry.kind() == EntryKind.ACCOUNT) {
            json.put("arn", Arns.accountRoot(entry.key()));
        } else if (entry.kind() != EntryKind.ACCESS_KEY && entry.kind() != EntryKind.WORKLOAD_ASSOCIATION) {
            json.put("arn", entry.key());
        }
        json.put("accountId", entry.accountId());
        ObjectNode body = entry.body();
        body.remove(SEALED);
        json.setAll(body);
        json.put("version", entry.version());
        json.put("createdAt", entry.createdAt().toString());
        json.put("updatedAt", entry.updatedAt().toString());
        return json;
    }
}
