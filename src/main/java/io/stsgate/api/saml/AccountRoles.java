package io.stsgate.api.saml;

import java.util.List;

/** The offered roles of one account, under the account's friendly name: one group of the picker. */
public record AccountRoles(String accountId, String accountName, List<RoleChoice> roles) {

    public AccountRoles {
        roles = List.copyOf(roles);
    }
}
