package io.stsgate.testsupport.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Header and payload of a compact JWS, decoded without verifying the signature (tests only). Holds no
 * signature and no raw token, so printing it does not leak a usable credential.
 */
public record DecodedJwt(JsonNode header, JsonNode payload) {

    public static DecodedJwt decode(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a compact JWS: " + parts.length + " parts");
        }
        return new DecodedJwt(json(parts[0], "header"), json(parts[1], "payload"));
    }

    public String kid() {
        return header.path("kid").asText(null);
    }

    public String alg() {
        return header.path("alg").asText(null);
    }

    public String issuer() {
        return payload.path("iss").asText(null);
    }

    /** The claim, or a missing node. */
    public JsonNode claim(String name) {
        return payload.path(name);
    }

    /** {@code aud} as a list, whether the token carries a single string or an array. */
    public List<String> audiences() {
        JsonNode aud = payload.path("aud");
        List<String> result = new ArrayList<>();
        if (aud.isTextual()) {
            result.add(aud.asText());
        } else {
            for (JsonNode value : aud) {
                result.add(value.asText());
            }
        }
        return result;
    }

    /** A string-array claim (such as {@code groups}) as a list; empty when absent. */
    public List<String> strings(String claim) {
        List<String> result = new ArrayList<>();
        for (JsonNode value : payload.path(claim)) {
            result.add(value.asText());
        }
        return result;
    }

    private static JsonNode json(String part, String what) {
        try {
            return KeycloakHttp.JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT " + what + " is not base64url JSON", e);
        }
    }
}
