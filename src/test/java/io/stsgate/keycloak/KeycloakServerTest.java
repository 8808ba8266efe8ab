package io.stsgate.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.stsgate.testsupport.keycloak.DecodedJwt;
import io.stsgate.testsupport.keycloak.KeyRotation;
import io.stsgate.testsupport.keycloak.KeycloakJwks;
import io.stsgate.testsupport.keycloak.KeycloakServer;
import io.stsgate.testsupport.keycloak.KeycloakUser;
import io.stsgate.testsupport.keycloak.RequiresKeycloak;
import io.stsgate.testsupport.keycloak.StsgateRealm;

/** Smoke test of the real-Keycloak harness: realm import, claims, client credentials, key rotation, SAML. */
@RequiresKeycloak
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakServerTest {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
    }

    @Test
    @Order(1)
    void servesTheRealmOnItsIssuer() {
        assertThat(keycloak.issuer()).isEqualTo("http://127.0.0.1:" + keycloak.port() + "/realms/stsgate");
        assertThat(keycloak.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + keycloak.port()));
    }

    @Test
    @Order(2)
    void idTokenCarriesGroupsDepartmentAndAwsSessionTags() {
        DecodedJwt idToken = DecodedJwt.decode(keycloak.tokens().idTokenFor(KeycloakUser.ALICE));

        assertThat(idToken.alg()).isEqualTo("RS256");
        assertThat(idToken.issuer()).isEqualTo(keycloak.issuer());
        assertThat(idToken.audiences()).containsExactly(StsgateRealm.WEB_CLIENT_ID);
        assertThat(idToken.claim("preferred_username").asText()).isEqualTo("alice");
        assertThat(idToken.claim("email").asText()).isEqualTo("alice@example.com");
        assertThat(idToken.strings("groups")).containsExactlyInAnyOrder("engineering", "stsgate-admins");
        assertThat(idToken.claim("department").asText()).isEqualTo("engineering");

        JsonNode tags = idToken.claim(StsgateRealm.AWS_TAGS_CLAIM);
        assertThat(tags.isObject()).as("%s is a JSON object", StsgateRealm.AWS_TAGS_CLAIM).isTrue();
        assertThat(tags.path("principal_tags").path("department").isArray()).isTrue();
        assertThat(tags.path("principal_tags").path("department").get(0).asText()).isEqualTo("engineering");
        assertThat(tags.path("transitive_tag_keys").get(0).asText()).isEqualTo("department");
    }

    @Test
    @Order(3)
    void accessTokenCarriesRealmRoles() {
        DecodedJwt alice = DecodedJwt.decode(keycloak.tokens().accessTokenFor(KeycloakUser.ALICE));
        DecodedJwt carol = DecodedJwt.decode(keycloak.tokens().accessTokenFor(KeycloakUser.CAROL));
        DecodedJwt bob = DecodedJwt.decode(keycloak.tokens().idTokenFor(KeycloakUser.BOB));

        assertThat(roles(alice)).contains("stsgate-admin");
        assertThat(roles(carol)).contains("stsgate-auditor").doesNotContain("stsgate-admin");
        assertThat(bob.strings("groups")).containsExactly("finance");
        assertThat(bob.claim(StsgateRealm.AWS_TAGS_CLAIM).path("principal_tags").path("department").get(0).asText())
                .isEqualTo("finance");
    }

    @Test
    @Order(4)
    void clientCredentialsTokenIsForStsgate() {
        DecodedJwt token = DecodedJwt.decode(keycloak.tokens().clientCredentialsToken());

        assertThat(token.issuer()).isEqualTo(keycloak.issuer());
        assertThat(token.audiences()).contains(StsgateRealm.SERVICE_AUDIENCE);
        assertThat(token.claim("azp").asText()).isEqualTo(StsgateRealm.SERVICE_CLIENT_ID);
    }

    @Test
    @Order(5)
    void servesSamlIdpDescriptor() {
        String descriptor = keycloak.admin().samlIdpDescriptor();

        assertThat(descriptor).contains("EntityDescriptor", "entityID=\"" + keycloak.issuer() + "\"",
                "IDPSSODescriptor", "X509Certificate");
    }

    @Test
    @Order(6)
    void rotatedSigningKeyIsPublishedAndUsed() {
        KeycloakJwks jwks = new KeycloakJwks(keycloak);
        String before = DecodedJwt.decode(keycloak.tokens().idTokenFor(KeycloakUser.ALICE)).kid();
        assertThat(jwks.signingKids()).contains(before);

        KeyRotation rotation = keycloak.admin().rotateSigningKey();

        assertThat(rotation.previousKid()).isEqualTo(before);
        assertThat(rotation.newKid()).isNotEqualTo(before);
        assertThat(jwks.signingKids()).contains(rotation.newKid(), before);
        assertThat(DecodedJwt.decode(keycloak.tokens().idTokenFor(KeycloakUser.ALICE)).kid())
                .isEqualTo(rotation.newKid());
        assertThat(DecodedJwt.decode(keycloak.tokens().clientCredentialsToken()).kid())
                .isEqualTo(rotation.newKid());

        keycloak.admin().retireKey(rotation.previousProviderId());

        assertThat(jwks.signingKids()).contains(rotation.newKid()).doesNotContain(before);
    }

    private static List<String> roles(DecodedJwt token) {
        List<String> roles = new ArrayList<>();
        token.claim("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
