package io.stsgate.identity.oidc;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Signing keys for tests, generated with the JDK and memoised by name (RSA generation is slow), plus their JWKS form.
 */
public final class TestKeys {

    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /**
     * A signing key with the JWS algorithm it is used with.
     *
     * @param kid the key id in the JWKS and in token headers
     * @param alg the JWS algorithm
     * @param pair the key pair
     */
    public record TestKey(String kid, String alg, KeyPair pair) {

        public PrivateKey privateKey() {
            return pair.getPrivate();
        }

        public PublicKey publicKey() {
            return pair.getPublic();
        }

        public TestKey withKid(String newKid) {
            return new TestKey(newKid, alg, pair);
        }

        public TestKey withAlg(String newAlg) {
            return new TestKey(kid, newAlg, pair);
        }

        /** The public JWK: kty and key members, kid, {@code use: sig} and alg. */
        public Map<String, Object> jwk() {
            try {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey());
                jwk.setKeyId(kid);
                jwk.setUse("sig");
                jwk.setAlgorithm(alg);
                return new LinkedHashMap<>(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static TestKey rsa2048(String kid) {
        return new TestKey(kid, "RS256", pair("RSA-2048-" + kid, "RSA", 2048));
    }

    public static TestKey rsa1024(String kid) {
        return new TestKey(kid, "RS256", pair("RSA-1024-" + kid, "RSA", 1024));
    }

    public static TestKey ec256(String kid) {
        return new TestKey(kid, "ES256", pair("EC-P256-" + kid, "EC", 256));
    }

    public static TestKey ed25519(String kid) {
        return new TestKey(kid, "EdDSA", pair("Ed25519-" + kid, "Ed25519", 0));
    }

    public static String jwks(TestKey... keys) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (TestKey key : keys) {
            jwks.add(key.jwk());
        }
        return jwks(jwks);
    }

    public static String jwks(List<Map<String, Object>> jwks) {
        return JsonUtil.toJson(Map.of("keys", jwks));
    }

    private static KeyPair pair(String name, String algorithm, int size) {
        return PAIRS.computeIfAbsent(name, n -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (algorithm.equals("RSA")) {
                    generator.initialize(size);
                } else if (algorithm.equals("EC")) {
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
