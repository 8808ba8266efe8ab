package io.stsgate.testsupport;

import java.security.Key;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints ID tokens for tests, with the claims a Keycloak realm puts in an ID token by default plus the AWS session
 * tags claim. Signing goes through jose4j with every algorithm and key size permitted, so tests can also mint the
 * tokens stsgate must refuse (alg none, HMAC with a public key, 1024-bit RSA).
 */
public final class TestJwts {

    public static final String SUBJECT = "6c1f0c33-8d4e-4c52-9a3e-1f2b7d9e4a10";
    public static final String TAGS_CLAIM = "https://aws.amazon.com/tags";

    private TestJwts() {
    }

    /** A Keycloak-like ID token for {@code clientId}, issued at {@code now} and valid for five minutes. */
    public static IdToken idToken(String issuer, String clientId, Instant now) {
        IdToken token = new IdToken();
        long iat = now.getEpochSecond();
        token.claim("exp", iat + 300)
                .claim("iat", iat)
                .claim("auth_time", iat - 5)
                .claim("jti", "8f14e45f-ceea-467f-a0e6-2c1d8b6b3e7a")
                .claim("iss", issuer)
                .claim("aud", clientId)
                .claim("sub", SUBJECT)
                .claim("typ", "ID")
                .claim("azp", clientId)
                .claim("sid", "a1b2c3d4-0000-4000-8000-123456789abc")
                .claim("at_hash", "x4Yk3bC1Jg0hS2yQ9vA1bw")
                .claim("acr", "1")
                .claim("email_verified", true)
                .claim("name", "Alice Example")
                .claim("preferred_username", "alice")
                .claim("given_name", "Alice")
                .claim("family_name", "Example")
                .claim("email", "alice@example.com")
                .claim("groups", List.of("/engineering", "/engineering/platform"))
                .claim("realm_access", Map.of("roles", List.of("offline_access", "developer", "uma_authorization")))
                .claim(TAGS_CLAIM, Map.of(
                        "principal_tags", Map.of("Project", List.of("Automation"), "CostCenter", List.of("1234")),
                        "transitive_tag_keys", List.of("Project")));
        return token;
    }

    /** Joins already encoded parts, for structurally broken tokens. */
    public static String compact(String... parts) {
        return String.join(".", parts);
    }

    /** An ID token under construction: claims and extra header members, then one of the signing methods. */
    public static final class IdToken {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();

        public IdToken claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public IdToken without(String name) {
            claims.remove(name);
            return this;
        }

        /** An extra JOSE header member ({@code jku}, {@code crit}, {@code typ}, ...). */
        public IdToken header(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        public String payloadJson() {
            return JsonUtil.toJson(claims);
        }

        /** Signs with {@code alg} and {@code key}; {@code kid} may be null for no kid header. */
        public String sign(String alg, String kid, Key key) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(payloadJson());
            jws.setAlgorithmHeaderValue(alg);
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            headers.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The classic confusion attack: HS256 with the issuer's public key bytes as the HMAC secret. */
        public String signHs256WithPublicKey(String kid, PublicKey publicKey) {
            return sign("HS256", kid, new HmacKey(publicKey.getEncoded()));
        }

        /** {@code alg: none} with an empty signature. */
        public String unsigned() {
            return sign("none", null, null);
        }
    }
}
