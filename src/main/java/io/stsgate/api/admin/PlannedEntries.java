package io.stsgate.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stsgate.directory.store.DirectoryPlan;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.StoredEntry;

/** The entries a plan would leave, computed in memory, so a dry run can validate them without writing. */
final class PlannedEntries {

    private PlannedEntries() {
    }

    static List<StoredEntry> after(List<StoredEntry> current, DirectoryPlan plan) {
        Map<EntryId, StoredEntry> entries = new LinkedHashMap<>();
        current.forEach(entry -> entries.put(entry.id(), entry));
        for (DirectoryPlan.Step step : plan.steps()) {
            if (step.action() == DirectoryPlan.Action.DELETE) {
                entries.remove(step.id());
                continue;
            }
            StoredEntry before = entries.get(step.id());
            var entry = step.entry();
            entries.put(step.id(), new StoredEntry(step.id().kind(), step.id().key(), entry.accountId(), entry.body(),
                    before == null ? 1 : before.version() + 1,
                    before == null ? java.time.Instant.EPOCH : before.createdAt(), java.time.Instant.EPOCH));
        }
        return List.copyOf(entries.values());
    }
}
