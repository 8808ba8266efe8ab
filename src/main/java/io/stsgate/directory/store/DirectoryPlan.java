package io.stsgate.directory.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsgate.directory.store.DirectoryEntries.NewEntry;

/**
 * What applying a declarative file changes in the store: entries to create, to update and to delete so that the store
 * matches the file. A secret left out of the file (as an export writes it) keeps the stored secret, and a role or
 * user left without its unique id keeps the stored id.
 */
public record DirectoryPlan(List<Step> steps) {

    public enum Action {
        CREATE("+"),
        UPDATE("~"),
        DELETE("-");

        private final String sign;

        Action(String sign) {
            this.sign = sign;
        }
    }

    /** One change; {@code entry} is absent for a deletion. */
    public record Step(Action action, EntryId id, NewEntry entry) {
        @Override
        public String toString() {
            return action.sign + " " + id;
        }
    }

    public DirectoryPlan {
        steps = List.copyOf(steps);
    }

    private static final List<String> SECRET_FIELDS = List.of("secret", "seed");

    /** The steps that turn {@code current} into {@code desired}. */
    public static DirectoryPlan between(List<StoredEntry> current, List<NewEntry> desired, StoredSecrets secrets) {
        Map<EntryId, StoredEntry> existing = new LinkedHashMap<>();
        current.forEach(e -> existing.put(e.id(), e));
        var steps = new ArrayList<Step>();
        var wanted = new LinkedHashMap<EntryId, NewEntry>();
        desired.forEach(e -> wanted.put(e.id(), e));
        for (NewEntry entry : wanted.values()) {
            StoredEntry stored = existing.get(entry.id());
            if (stored == null) {
                steps.add(new Step(Action.CREATE, entry.id(), entry));
                continue;
            }
            NewEntry merged = keepStoredId(keepStoredSecrets(entry, stored), stored);
            if (!sameContent(merged, stored, secrets)) {
                steps.add(new Step(Action.UPDATE, entry.id(), merged));
            }
        }
        for (StoredEntry stored : existing.values()) {
            if (!wanted.containsKey(stored.id())) {
                steps.add(new Step(Action.DELETE, stored.id(), null));
            }
        }
        return new DirectoryPlan(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Performs the steps in one transaction; the caller validates and commits. */
    public void applyTo(DirectoryTransaction transaction) {
        for (Step step : steps) {
            switch (step.action()) {
                case CREATE -> transaction.insert(step.id(), step.entry().accountId(), step.entry().body());
                case UPDATE -> transaction.update(step.id(), -1, step.entry().body());
                case DELETE -> transaction.delete(step.id(), -1);
            }
        }
    }

    /** One line per step, {@code +} create, {@code ~} update, {@code -} delete; "no changes" when empty. */
    public String describe() {
        if (steps.isEmpty()) {
            return "no changes\n";
        }
        var text = new StringBuilder();
        steps.forEach(step -> text.append(step).append('\n'));
        return text.toString();
    }

    /** A file without ids changes none; one naming another id is refused before anything is written. */
    private static NewEntry keepStoredId(NewEntry entry, StoredEntry stored) {
        return new NewEntry(entry.id(), entry.accountId(), EntryUniqueIds.forPlan(stored, entry.body()));
    }

    private static NewEntry keepStoredSecrets(NewEntry entry, StoredEntry stored) {
        ObjectNode body = entry.body();
        ObjectNode storedBody = stored.body();
        for (String field : SECRET_FIELDS) {
            if (!body.has(field) && storedBody.has(field)) {
                body.set(field, storedBody.get(field));
            }
        }
        return new NewEntry(entry.id(), entry.accountId(), body);
    }

    private static boolean sameContent(NewEntry entry, StoredEntry stored, StoredSecrets secrets) {
        ObjectNode wanted = entry.body();
        ObjectNode have = stored.body();
        for (String field : SECRET_FIELDS) {
            if (wanted.has(field) != have.has(field)) {
                return false;
            }
            // Sealed values differ on every seal (fresh nonce): compare what they hold.
            if (wanted.has(field) && !wanted.get(field).asText().equals(have.get(field).asText())
                    && !secrets.unseal(wanted.get(field).asText(), entry.id())
                            .equals(secrets.unseal(have.get(field).asText(), stored.id()))) {
                return false;
            }
            wanted.remove(field);
            have.remove(field);
        }
        return wanted.equals(have) && entry.accountId().equals(stored.accountId());
    }
}
