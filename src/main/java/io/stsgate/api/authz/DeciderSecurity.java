package io.stsgate.api.authz;

/**
 * Who may ask for decisions: services holding a bearer token of the admin OIDC provider (quarkus-oidc) with the realm
 * role {@link #DECIDER}. Enforced twice, like the admin API: by the HTTP permission on {@code /authz/*} in
 * application.properties and by {@code @RolesAllowed} on the endpoint. Without a token: 401; with a token lacking the
 * role: 403.
 */
public final class DeciderSecurity {

    /** Realm role of services that may ask for decisions. */
    public static final String DECIDER = "stsgate-decider";
    /** The OpenAPI security scheme (bearer tokens), declared once with the admin API. */
    public static final String SCHEME = "bearer";

    private DeciderSecurity() {
    }
}
