package io.stsgate.api.admin;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.Arns;
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
        switch (entry.kind()) {
            case ACCOUNT -> json.put("arn", Arns.accountRoot(entry.key()));
            case BUCKET -> json.put("arn", "arn:aws:s3:::" + entry.key());
            case ACCESS_KEY, WORKLOAD_ASSOCIATION, API -> {
                // No ARN of its own.
            }
            default -> json.put("arn", entry.key());
        }
        if (!entry.kind().outsideAccounts()) {
            json.put("accountId", entry.accountId());
        }
        ObjectNode body = entry.body();
        body.remove(SEALED);
        json.setAll(body);
        json.put("version", entry.version());
        json.put("createdAt", entry.createdAt().toString());
        json.put("updatedAt", entry.updatedAt().toString());
        return json;
    }
}
