package io.stsgate.identity.oidc;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The asymmetric JWS algorithms stsgate verifies, each bound to the key type (and curve) it needs and to the JCA
 * algorithm that checks it. There is no {@code none} and no HMAC member, so neither can be selected.
 */
enum JwsAlgorithm {
    RS256("SHA256withRSA", KeyFamily.RSA, null, null),
    RS384("SHA384withRSA", KeyFamily.RSA, null, null),
    RS512("SHA512withRSA", KeyFamily.RSA, null, null),
    PS256("RSASSA-PSS", KeyFamily.RSA, null, pss("SHA-256", MGF1ParameterSpec.SHA256, 32)),
    PS384("RSASSA-PSS", KeyFamily.RSA, null, pss("SHA-384", MGF1ParameterSpec.SHA384, 48)),
    PS512("RSASSA-PSS", KeyFamily.RSA, null, pss("SHA-512", MGF1ParameterSpec.SHA512, 64)),
    /** ECDSA with the JOSE signature format (r || s), which the JDK calls P1363. */
    ES256("SHA256withECDSAinP1363Format", KeyFamily.EC, "P-256", null),
    ES384("SHA384withECDSAinP1363Format", KeyFamily.EC, "P-384", null),
    ES512("SHA512withECDSAinP1363Format", KeyFamily.EC, "P-521", null),
    /** Ed25519 only (an OKP key with {@code crv} Ed25519). */
    EdDSA("Ed25519", KeyFamily.OKP, "Ed25519", null);

    enum KeyFamily {
        RSA,
        EC,
        OKP
    }

    static final Set<String> NAMES = Arrays.stream(values()).map(JwsAlgorithm::name)
            .collect(Collectors.toUnmodifiableSet());

    private static final Map<String, JwsAlgorithm> BY_NAME = new HashMap<>();

    static {
        for (JwsAlgorithm algorithm : values()) {
            BY_NAME.put(algorithm.name(), algorithm);
        }
    }

    /** One JCA engine per algorithm per thread: creating them costs more than using them. */
    private static final ThreadLocal<Signature[]> ENGINES = ThreadLocal
            .withInitial(() -> new Signature[JwsAlgorithm.values().length]);

    private final String jcaName;
    private final KeyFamily family;
    private final String curve;
    private final AlgorithmParameterSpec parameters;

    JwsAlgorithm(String jcaName, KeyFamily family, String curve, AlgorithmParameterSpec parameters) {
        this.jcaName = jcaName;
        this.family = family;
        this.curve = curve;
        this.parameters = parameters;
    }

    /** The algorithm for a JOSE {@code alg} value, or null (which includes {@code none} and every HMAC). */
    static JwsAlgorithm byName(String name) {
        return BY_NAME.get(name);
    }

    KeyFamily family() {
        return family;
    }

    /** The curve an EC or OKP key must be on, or null for RSA. */
    String curve() {
        return curve;
    }

    /**
     * Checks {@code signature} over the first {@code length} bytes of {@code input}. The caller has checked that the
     * key fits this algorithm.
     */
    boolean verify(PublicKey key, byte[] input, int length, byte[] signature) throws GeneralSecurityException {
        Signature[] engines = ENGINES.get();
        Signature engine = engines[ordinal()];
        if (engine == null) {
            engine = Signature.getInstance(jcaName);
            if (parameters != null) {
                engine.setParameter(parameters);
            }
            engines[ordinal()] = engine;
        }
        engine.initVerify(key);
        engine.update(input, 0, length);
        return engine.verify(signature);
    }

    private static PSSParameterSpec pss(String digest, MGF1ParameterSpec mgf, int saltLength) {
        return new PSSParameterSpec(digest, "MGF1", mgf, saltLength, PSSParameterSpec.TRAILER_FIELD_BC);
    }
}
