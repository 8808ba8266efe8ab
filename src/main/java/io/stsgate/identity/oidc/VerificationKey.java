package io.stsgate.identity.oidc;

import java.security.PublicKey;

import io.stsgate.identity.oidc.JwsAlgorithm.KeyFamily;

/**
 * One public key from a provider's JWKS, already converted to a JCA key.
 *
 * @param kid the key id, or null when the JWK has none
 * @param key the JCA public key
 * @param family RSA, EC or OKP
 * @param curve P-256, P-384, P-521 or Ed25519; null for RSA
 * @param strength RSA modulus bits, or 0 for EC and OKP keys
 * @param weak an RSA key under 2048 bits or with an unsafe public exponent: present so that a token naming it gets
 *        {@link OidcFailure#WEAK_KEY}, never used to verify
 * @param algorithm the JWK's {@code alg}, or null; when present, the only algorithm the key verifies
 */
record VerificationKey(String kid, PublicKey key, KeyFamily family, String curve, int strength, boolean weak,
        String algorithm) {

    static final int MIN_RSA_BITS = 2048;

    boolean fits(JwsAlgorithm jws) {
        return family == jws.family() && (jws.curve() == null || jws.curve().equals(curve))
                && (algorithm == null || algorithm.equals(jws.name()));
    }

    String describe() {
        return (family == KeyFamily.RSA ? "RSA-" + strength : family + " " + curve)
                + (kid == null ? " key without kid" : " key " + kid);
    }
}
