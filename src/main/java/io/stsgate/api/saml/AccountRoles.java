package io.stsgate.api.saml;

import java.util.List;

/**
 * The offered roles of one account, under the account's friendly name (its id when it has none): one group of the
 * picker.
 */
public record AccountRoles(String accountId, String accountName, List<RoleChoice> roles) {

    public AccountRoles {
        roles = List.copyOf(roles);
    }

    /** Whether the account has a name of its own, so the picker shows the id beside it (and not twice). */
    public boolean named() {
        return !accountName.equals(accountId);
    }
}
