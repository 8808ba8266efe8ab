package io.stsgate.api.saml;

import java.util.Objects;

/**
 * A role the assertion's Role attribute grants through a provider, and that exists here: one radio button of the
 * picker.
 *
 * @param roleArn the role
 * @param providerArn the SAML provider named next to it in the Role attribute
 * @param accountId the role's (and the provider's) account
 * @param roleName the role's name, shown to the user
 */
public record RoleChoice(String roleArn, String providerArn, String accountId, String roleName) {

    public RoleChoice {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleName, "roleName");
    }

    /** The form value: the pair as the Role attribute writes it, so the choice names both halves. */
    public String value() {
        return roleArn + "," + providerArn;
    }
}
