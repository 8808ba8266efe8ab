package io.stsgate.api.admin;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Who may call the admin API: bearer tokens of the OIDC provider (a Keycloak realm) carrying realm role
 * {@link #ADMIN} (everything) or {@link #AUDITOR} (GET only). The rule is enforced twice on purpose: by the HTTP
 * permissions on {@code /admin/*} in application.properties, which also cover resources added later, and by
 * {@code @RolesAllowed} on every method, which keeps the rule visible where the endpoint is written.
 */
@SecurityScheme(securitySchemeName = AdminSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT", description = "An access token of the OIDC provider with realm role stsgate-admin "
        + "(read and write) or stsgate-auditor (read only), issued for audience stsgate-admin-api.")
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
