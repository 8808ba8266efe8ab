package io.stsgate.api.admin;

import java.util.function.BinaryOperator;

import jakarta.ws.rs.core.Response;

import io.stsgate.directory.Arns;
import io.stsgate.directory.store.DirectoryEntries.NewEntry;
import io.stsgate.directory.store.EntryId;
import io.stsgate.directory.store.EntryKind;
import io.stsgate.directory.store.StoredEntry;

/**
 * The entries that hang under a user, access keys and MFA devices, as their URLs reach them: every request first
 * needs the account and the user, and an entry of another user (or account) is answered like a missing one, so a URL
 * cannot reach past the user it names.
 */
final class UserEntries {

    static final UserEntries ACCESS_KEYS = new UserEntries(EntryKind.ACCESS_KEY, "access key",
            (accountId, accessKeyId) -> accessKeyId);
    static final UserEntries MFA_DEVICES = new UserEntries(EntryKind.MFA_DEVICE, "MFA device", Arns::mfa);

    private final EntryKind kind;
    /** What a 404 calls one entry. */
    private final String noun;
    /** The store key of the entry named {@code name} in the URL of account {@code accountId}. */
    private final BinaryOperator<String> key;

    private UserEntries(EntryKind kind, String noun, BinaryOperator<String> key) {
        this.kind = kind;
        this.noun = noun;
        this.key = key;
    }

    /** One page of the user's entries; the query parameters are checked before the user is looked up. */
    Response list(AdminDirectory directory, String accountId, String userName, String maxItems, String nextToken) {
        PageRequest page = PageRequest.of(kind.wireName() + " " + accountId + " " + userName, maxItems, nextToken);
        DirectoryView view = directory.read();
        view.user(accountId, userName);
        return EntryResponses.page(page.page(view.ofUser(kind, accountId, userName)));
    }

    /** The entry {@code name} of the user, or 404 for a missing account, user or entry of that user. */
    StoredEntry find(DirectoryView view, String accountId, String userName, String name) {
        view.user(accountId, userName);
        return view.find(new EntryId(kind, key.apply(accountId, name)))
                .filter(entry -> entry.accountId().equals(accountId)
                        && userName.equals(entry.body().path("user").asText()))
                .orElseThrow(() -> AdminProblem.notFound(noun + " " + name + " of user " + userName));
    }

    /** Stores {@code entry} under the user, who must exist in the same transaction. */
    StoredEntry insert(AdminDirectory directory, String accountId, String userName, NewEntry entry) {
        return directory.change(edit -> {
            edit.view().user(accountId, userName);
            return edit.transaction().insert(entry.id(), accountId, entry.body());
        });
    }

    /** Deletes the entry {@code name} of the user if it is still at {@code version}. */
    void delete(AdminDirectory directory, String accountId, String userName, String name, long version) {
        directory.change(edit -> {
            StoredEntry current = find(edit.view(), accountId, userName, name);
            edit.transaction().delete(current.id(), version);
            return current;
        });
    }
}
