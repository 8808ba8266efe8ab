package io.stsgate.api.admin;

import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * What sets one kind of entry apart in the admin API, for {@link EntryEndpoint}, which does the rest the same way for
 * every kind: the body's record, how the URL names an entry and how it is found, what a change may not touch, what a
 * deletion must not leave behind.
 *
 * @param label names the kind in list tokens ({@code role 111111111111})
 * @param type the declarative file's record the body is read into
 * @param assigned body fields stsgate assigns (ids), ignored in requests
 * @param nameField the body field the URL repeats ({@code name}, {@code id}, {@code url})
 * @param name the entry's name in the body, as its URL segment
 * @param accepted refuses what the body may not hold here (children with URLs of their own); returns the body
 * @param toEntry the stored entry the body makes, through the file's split
 * @param finder finds the entry a URL names, or answers 404
 * @param uniqueName whether a create checks the name is free in the account first (else the store's key decides)
 * @param keyField the body field a replacement may not change since it is part of the key, or null
 * @param nameInUrl whether a replacement's {@code nameField} must equal the URL's (else only required)
 * @param dependents refuses deleting an entry others still need
 */
record EntryType<T>(EntryKind kind, String label, Class<T> type, Set<String> assigned, String nameField,
        Function<T, String> name, UnaryOperator<T> accepted, ToEntry<T> toEntry, Finder finder, boolean uniqueName,
        String keyField, boolean nameInUrl, Dependents dependents) {

    /** A kind addressed by {@code nameField} in the account of the URL, found by that name. */
    static <T> EntryType<T> named(EntryKind kind, String label, String what, Class<T> type, Function<T, String> name,
            ToEntry<T> toEntry) {
        return new EntryType<>(kind, label, type, Set.of(), "name", name, body -> body, toEntry,
                (view, accountId, entryName) -> {
                    view.account(accountId);
                    return view.named(kind, accountId, entryName).orElseThrow(
                            () -> AdminProblem.notFound(what + " " + entryName + " of account " + accountId));
                }, true, null, true, (view, current) -> {
                });
    }

    EntryType<T> withAssigned(Set<String> fields) {
        return new EntryType<>(kind, label, type, fields, nameField, name, accepted, toEntry, finder, uniqueName,
                keyField, nameInUrl, dependents);
    }

    EntryType<T> withNameField(String field, boolean inUrl) {
        return new EntryType<>(kind, label, type, assigned, field, name, accepted, toEntry, finder, uniqueName,
                keyField, inUrl, dependents);
    }

    EntryType<T> accepting(UnaryOperator<T> check) {
        return new EntryType<>(kind, label, type, assigned, nameField, name, check, toEntry, finder, uniqueName,
                keyField, nameInUrl, dependents);
    }

    EntryType<T> foundBy(Finder lookup) {
        return new EntryType<>(kind, label, type, assigned, nameField, name, accepted, toEntry, lookup, uniqueName,
                keyField, nameInUrl, dependents);
    }

    /** Leaves a duplicate to the store's key (409 from the insert). */
    EntryType<T> keyedByStore() {
        return new EntryType<>(kind, label, type, assigned, nameField, name, accepted, toEntry, finder, false,
                keyField, nameInUrl, dependents);
    }

    EntryType<T> withKeyField(String field) {
        return new EntryType<>(kind, label, type, assigned, nameField, name, accepted, toEntry, finder, uniqueName,
                field, nameInUrl, dependents);
    }

    EntryType<T> withDependents(Dependents check) {
        return new EntryType<>(kind, label, type, assigned, nameField, name, accepted, toEntry, finder, uniqueName,
                keyField, nameInUrl, check);
    }

    /** The list's name in page tokens: the label, and the account for kinds that live in one. */
    String listing(String accountId) {
        return accountId == null ? label : label + " " + accountId;
    }

    @FunctionalInterface
    interface ToEntry<T> {
        /** @param accountId the URL's account, null for kinds outside accounts */
        NewEntry of(FileEntries entries, String accountId, T body);
    }

    @FunctionalInterface
    interface Finder {
        /** @param accountId the URL's account, null for kinds outside accounts */
        StoredEntry find(DirectoryView view, String accountId, String name);
    }

    @FunctionalInterface
    interface Dependents {
        /** Throws {@link EntryRules#noDependents} when {@code current} is still needed. */
        void check(DirectoryView view, StoredEntry current);
    }
}
