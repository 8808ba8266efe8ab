package io.stsgate.api.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * The directory's entries as one read (or one write transaction) saw them, with the lookups the URLs need: users,
 * roles and policies are addressed by name, though keyed by an ARN that also holds their path.
 */
record DirectoryView(List<StoredEntry> entries) {

    DirectoryView {
        entries = List.copyOf(entries);
    }

    Optional<StoredEntry> find(EntryId id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    StoredEntry account(String accountId) {
        return find(new EntryId(EntryKind.ACCOUNT, accountId))
                .orElseThrow(() -> AdminProblem.notFound("account " + accountId));
    }

    /** The entry of {@code kind} in the account whose {@code name} is {@code name}, whatever its path. */
    Optional<StoredEntry> named(EntryKind kind, String accountId, String name) {
        return entries.stream().filter(e -> e.kind() == kind && e.accountId().equals(accountId)
                && name.equals(e.body().path("name").asText(null))).findFirst();
    }

    StoredEntry user(String accountId, String userName) {
        account(accountId);
        return named(EntryKind.USER, accountId, userName)
                .orElseThrow(() -> AdminProblem.notFound("user " + userName + " of account " + accountId));
    }

    /** Access keys or MFA devices of a user. */
    List<StoredEntry> ofUser(EntryKind kind, String accountId, String userName) {
        return select(kind, e -> e.accountId().equals(accountId) && userName.equals(e.body().path("user").asText()));
    }

    /** Entries of {@code kind} matching {@code filter}, ordered by key (the order pages follow). */
    List<StoredEntry> select(EntryKind kind, Predicate<StoredEntry> filter) {
        return entries.stream().filter(e -> e.kind() == kind && filter.test(e))
                .sorted(Comparator.comparing(StoredEntry::key)).toList();
    }

    List<StoredEntry> inAccount(EntryKind kind, String accountId) {
        return select(kind, e -> e.accountId().equals(accountId));
    }
}
