package io.stsgate.api.admin;

/**
 * Who may call the admin API: bearer tokens of the OIDC provider (a Keycloak realm) carrying realm role
 * {@link #ADMIN} (everything) or {@link #AUDITOR} (GET only). The rule is enforced twice on purpose: by the HTTP
 * permissions on {@code /admin/*} in application.properties, which also cover resources added later, and by
 * {@code @RolesAllowed} on every method, which keeps the rule visible where the endpoint is written. The OpenAPI
 * security scheme {@link #SCHEME} is declared on {@link AccountResource}, where the scanner reads it.
 */
public final class AdminSecurity {

    /** Realm role that may read and change everything. */
    public static final String ADMIN = "stsgate-admin";
    /** Realm role that may read (GET) everything the admin API serves, and nothing else. */
    public static final String AUDITOR = "stsgate-auditor";
    /** Name of the security scheme in the OpenAPI document. */
    public static final String SCHEME = "bearer";

    private AdminSecurity() {
    }
}
