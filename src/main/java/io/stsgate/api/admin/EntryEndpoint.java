package io.stsgate.api.admin;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.StoredEntry;

/**
 * List, read, create, replace and delete for every entry kind of the same shape, so the per-kind JAX-RS classes hold
 * only their URLs and OpenAPI descriptions, and an {@link EntryType}. Reads and changes go through
 * {@link AdminDirectory}; ETags and If-Match through {@link EntityTags}; answers through {@link EntryResponses}.
 * {@code accountId} is the URL's account, null for kinds outside accounts (accounts themselves, APIs, buckets).
 */
@ApplicationScoped
class EntryEndpoint {

    @Inject
    AdminDirectory directory;

    @Inject
    FileEntries entries;

    <T> Response list(EntryType<T> type, String accountId, String maxItems, String nextToken) {
        PageRequest page = PageRequest.of(type.listing(accountId), maxItems, nextToken);
        DirectoryView view = directory.read();
        List<StoredEntry> items;
        if (accountId == null) {
            items = view.select(type.kind(), e -> true);
        } else {
            view.account(accountId);
            items = view.inAccount(type.kind(), accountId);
        }
        return EntryResponses.page(page.page(items));
    }

    <T> Response get(EntryType<T> type, String accountId, String name) {
        return EntryResponses.ok(type.finder().find(directory.read(), accountId, name));
    }

    /** 201 with Location {@code uri}/{@code location(name)}. */
    <T> Response create(EntryType<T> type, String accountId, String body, UriInfo uri,
            Function<String, String> location) {
        T read = type.accepted().apply(EntryBody.read(body, type.type(), type.assigned()));
        String name = EntryRules.required(type.name().apply(read), type.nameField());
        NewEntry entry = type.toEntry().of(entries, accountId, read);
        StoredEntry created = directory.change(edit -> {
            DirectoryView view = edit.view();
            if (accountId != null) {
                view.account(accountId);
            }
            if (type.uniqueName()) {
                EntryRules.notTaken(view.named(type.kind(), accountId, name), type.label() + " " + name);
            }
            return edit.transaction().insert(entry.id(), entry.accountId(), entry.body());
        });
        return EntryResponses.created(location(uri, location.apply(name)), created);
    }

    <T> Response create(EntryType<T> type, String accountId, String body, UriInfo uri) {
        return create(type, accountId, body, uri, name -> name);
    }

    <T> Response replace(EntryType<T> type, String accountId, String name, String ifMatch, String body) {
        long version = EntityTags.expectedVersion(ifMatch);
        T read = type.accepted().apply(EntryBody.read(body, type.type(), type.assigned()));
        if (type.nameInUrl()) {
            EntryRules.sameAsUrl(type.nameField(), type.name().apply(read), name);
        } else {
            EntryRules.required(type.name().apply(read), type.nameField());
        }
        NewEntry entry = type.toEntry().of(entries, accountId, read);
        StoredEntry replaced = directory.change(edit -> {
            StoredEntry current = type.finder().find(edit.view(), accountId, name);
            if (type.keyField() != null) {
                EntryRules.sameKey(entry, current, type.keyField());
            }
            return edit.transaction().update(current.id(), version, entry.body());
        });
        return EntryResponses.ok(replaced);
    }

    <T> Response delete(EntryType<T> type, String accountId, String name, String ifMatch) {
        long version = EntityTags.expectedVersion(ifMatch);
        directory.change(edit -> {
            DirectoryView view = edit.view();
            StoredEntry current = type.finder().find(view, accountId, name);
            type.dependents().check(view, current);
            edit.transaction().delete(current.id(), version);
            return current;
        });
        return EntryResponses.deleted();
    }

    static URI location(UriInfo uri, String name) {
        return uri.getAbsolutePathBuilder().path(name).build();
    }
}
