package io.stsgate.testsupport.keycloak;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The realm's published JSON Web Key Set, as a relying party such as stsgate fetches it. */
public final class KeycloakJwks {

    private final KeycloakServer server;

    public KeycloakJwks(KeycloakServer server) {
        this.server = server;
    }

    public JsonNode fetch() {
        return KeycloakHttp.getJson(server.jwksUri(), null, "JWKS of realm " + StsgateRealm.NAME);
    }

    /** kids of the signature keys ({@code use=sig}) currently published. */
    public Set<String> signingKids() {
        Set<String> kids = new LinkedHashSet<>();
        for (JsonNode key : fetch().path("keys")) {
            if ("sig".equals(key.path("use").asText())) {
                kids.add(key.path("kid").asText());
            }
        }
        return kids;
    }
}
