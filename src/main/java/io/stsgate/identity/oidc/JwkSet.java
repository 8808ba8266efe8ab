package io.stsgate.identity.oidc;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import io.stsgate.identity.oidc.JwsAlgorithm.KeyFamily;

/**
 * A provider's signature keys, parsed once into JCA keys and indexed by key id. Immutable and thread-safe.
 * <p>
 * Parsing keeps only keys that can verify a JWS: {@code use} absent or {@code sig}, {@code key_ops} absent or
 * containing {@code verify}, RSA, EC on P-256/P-384/P-521, or OKP Ed25519, and a well-formed {@code kid} if any.
 * Symmetric ({@code oct}) keys and keys jose4j cannot read are dropped. RSA keys under 2048 bits are kept but marked
 * weak, so that a token naming one is refused as {@link OidcFailure#WEAK_KEY} rather than as an unknown key.
 */
public final class JwkSet {

    private static final JwkSet EMPTY = new JwkSet(List.of());

    private final List<VerificationKey> keys;
    private final Map<String, List<VerificationKey>> byKid;

    private JwkSet(List<VerificationKey> keys) {
        this.keys = List.copyOf(keys);
        Map<String, List<VerificationKey>> index = new HashMap<>();
        for (VerificationKey key : this.keys) {
            if (key.kid() != null) {
                index.computeIfAbsent(key.kid(), k -> new ArrayList<>(1)).add(key);
            }
        }
        index.replaceAll((kid, list) -> List.copyOf(list));
        this.byKid = Map.copyOf(index);
    }

    public static JwkSet empty() {
        return EMPTY;
    }

    /**
     * Parses a JWKS document ({@code {"keys": [...]}}).
     *
     * @throws IllegalArgumentException if the document is not a JWKS
     */
    public static JwkSet parse(String json) {
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(json);
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWKS document: " + e.getMessage(), e);
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (JsonWebKey jwk : set.getJsonWebKeys()) {
            VerificationKey key = toVerificationKey(jwk);
            if (key != null) {
                keys.add(key);
            }
        }
        return new JwkSet(keys);
    }

    /** How many usable (or weak) signature keys the set holds. */
    public int size() {
        return keys.size();
    }

    /** The key ids in the set, for diagnostics. */
    public Set<String> keyIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (VerificationKey key : keys) {
            if (key.kid() != null) {
                ids.add(key.kid());
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    /**
     * The key to verify a token signed with {@code algorithm}. With a {@code kid}, the key(s) with that id; without,
     * the single strong key that fits the algorithm. Fails with UNKNOWN_KEY (nothing by that id, or no single
     * candidate), ALGORITHM_NOT_ALLOWED (the key's type, curve or {@code alg} does not fit) or WEAK_KEY.
     */
    Step<VerificationKey> select(JwsAlgorithm algorithm, String kid) {
        if (kid != null) {
            List<VerificationKey> named = byKid.get(kid);
            if (named == null) {
                return Step.rejected(OidcFailure.UNKNOWN_KEY, "no key with kid " + AuditText.quote(kid)
                        + " in the provider's JWKS (" + keys.size() + " keys)");
            }
            VerificationKey weak = null;
            for (VerificationKey key : named) {
                if (key.fits(algorithm)) {
                    if (!key.weak()) {
                        return Step.ok(key);
                    }
                    weak = key;
                }
            }
            if (weak != null) {
                return Step.rejected(OidcFailure.WEAK_KEY, "the " + weak.describe() + " is too weak (RSA keys need "
                        + VerificationKey.MIN_RSA_BITS + " bits and an odd exponent of at least 3)");
            }
            return Step.rejected(OidcFailure.ALGORITHM_NOT_ALLOWED, "alg " + algorithm.name() + " does not fit the "
                    + named.get(0).describe() + (named.get(0).algorithm() == null ? ""
                            : " (alg " + named.get(0).algorithm() + ")"));
        }
        VerificationKey strong = null;
        int strongCount = 0;
        VerificationKey weak = null;
        for (VerificationKey key : keys) {
            if (key.fits(algorithm)) {
                if (key.weak()) {
                    weak = key;
                } else {
                    strong = key;
                    strongCount++;
                }
            }
        }
        if (strongCount == 1) {
            return Step.ok(strong);
        }
        if (strongCount == 0 && weak != null) {
            return Step.rejected(OidcFailure.WEAK_KEY, "the only " + algorithm.name() + " candidate, the "
                    + weak.describe() + ", is too weak");
        }
        return Step.rejected(OidcFailure.UNKNOWN_KEY, strongCount == 0
                ? "token has no kid and the provider's JWKS has no key for " + algorithm.name()
                : "token has no kid and " + strongCount + " keys in the provider's JWKS fit " + algorithm.name());
    }

    private static VerificationKey toVerificationKey(JsonWebKey jwk) {
        if (jwk.getUse() != null && !"sig".equals(jwk.getUse())) {
            return null;
        }
        if (jwk.getKeyOps() != null && !jwk.getKeyOps().contains("verify")) {
            return null;
        }
        String kid = jwk.getKeyId();
        if (kid != null && !validKeyId(kid)) {
            return null;
        }
        String algorithm = jwk.getAlgorithm();
        if (jwk instanceof RsaJsonWebKey rsa) {
            RSAPublicKey key = rsa.getRsaPublicKey();
            int bits = key.getModulus().bitLength();
            BigInteger exponent = key.getPublicExponent();
            boolean weak = bits < VerificationKey.MIN_RSA_BITS || exponent.compareTo(BigInteger.valueOf(3)) < 0
                    || !exponent.testBit(0);
            return new VerificationKey(kid, key, KeyFamily.RSA, null, bits, weak, algorithm);
        }
        if (jwk instanceof EllipticCurveJsonWebKey ec) {
            String curve = ec.getCurveName();
            if (!"P-256".equals(curve) && !"P-384".equals(curve) && !"P-521".equals(curve)) {
                return null;
            }
            return new VerificationKey(kid, ec.getECPublicKey(), KeyFamily.EC, curve, 0, false, algorithm);
        }
        if (jwk instanceof OctetKeyPairJsonWebKey okp) {
            if (!"Ed25519".equals(okp.getSubtype())) {
                return null;
            }
            return new VerificationKey(kid, okp.getPublicKey(), KeyFamily.OKP, "Ed25519", 0, false, algorithm);
        }
        return null;
    }

    /**
     * A key id stsgate accepts: 1 to 128 characters of {@code [A-Za-z0-9._~+/=-]}, without {@code ..}. Refuses path
     * traversal, quotes, spaces, control characters and anything else a lookup or a log line could misread.
     */
    static boolean validKeyId(String kid) {
        int length = kid.length();
        if (length == 0 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = kid.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '~' || c == '+' || c == '/' || c == '=' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return !kid.contains("..");
    }

    @Override
    public String toString() {
        return "JwkSet" + keyIds() + " (" + keys.size() + " keys)";
    }
}
