package io.stsgate.testsupport.keycloak;

import java.nio.file.Files;
import java.nio.file.Path;

/** Names from {@code realms/stsgate-realm.json}, the realm every test Keycloak imports. */
public final class StsgateRealm {

    public static final String NAME = "stsgate";

    /** Public client: authorization code with PKCE S256, and the password grant for tests. */
    public static final String WEB_CLIENT_ID = "stsgate-web";

    /** Confidential client with a service account (client credentials grant). */
    public static final String SERVICE_CLIENT_ID = "stsgate-service";
    public static final String SERVICE_CLIENT_SECRET = "stsgate-service-secret";

    /** Hardcoded audience added to the access tokens of {@link #SERVICE_CLIENT_ID}. */
    public static final String SERVICE_AUDIENCE = "stsgate";

    /** Entity id (client id) of the SAML service provider; IdP-initiated SSO URL name {@code stsgate}. */
    public static final String SAML_ENTITY_ID = "urn:stsgate:sp";

    /** {@code saml_idp_initiated_sso_url_name} of the SAML client: {@code /protocol/saml/clients/stsgate}. */
    public static final String SAML_IDP_INITIATED_SSO_URL_NAME = "stsgate";

    /** ID-token claim carrying AWS session tags, as AssumeRoleWithWebIdentity expects it. */
    public static final String AWS_TAGS_CLAIM = "https://aws.amazon.com/tags";

    private StsgateRealm() {
    }

    /** The realm export: system property {@code keycloak.realm.file}, else {@code <basedir>/realms/stsgate-realm.json}. */
    public static Path realmFile() {
        String configured = System.getProperty("keycloak.realm.file");
        Path file = configured != null ? Path.of(configured)
                : ProjectDirectory.path().resolve("realms").resolve("stsgate-realm.json");
        if (!Files.isRegularFile(file)) {
            throw new KeycloakException("Realm export not found: " + file);
        }
        return file;
    }
}
