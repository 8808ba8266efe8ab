package io.stsgate.identity.saml;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TestSamlResponses} and {@link TestSamlKeys} for tests outside this package (the browser sign-in's): a
 * signed, Keycloak-like Response for a recipient, valid around a given instant.
 */
public final class SignedSamlResponses {

    public static final String IDP_ENTITY_ID = TestSamlResponses.IDP_ENTITY_ID;
    public static final String ROLE_ATTRIBUTE = TestSamlResponses.ROLE_ATTR;
    public static final String SESSION_NAME_ATTRIBUTE = TestSamlResponses.ATTR + "RoleSessionName";
    public static final String SESSION_DURATION_ATTRIBUTE = TestSamlResponses.ATTR + "SessionDuration";

    private SignedSamlResponses() {
    }

    /** A throw-away IdP signing key with its self-signed certificate. */
    public record IdpKey(KeyPair keyPair, X509Certificate certificate) {

        public static IdpKey generate(String subject) {
            var key = TestSamlKeys.generate(subject);
            return new IdpKey(key.keyPair(), key.certificate());
        }

        TestSamlKeys.SigningKey signingKey() {
            return new TestSamlKeys.SigningKey(keyPair, certificate);
        }
    }

    /** Attributes naming a session and granting each "role ARN,provider ARN" pair. */
    public static Map<String, List<String>> attributes(String sessionName, String... rolePairs) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(ROLE_ATTRIBUTE, List.of(rolePairs));
        attributes.put(SESSION_NAME_ATTRIBUTE, List.of(sessionName));
        attributes.put(SESSION_DURATION_ATTRIBUTE, List.of("7200"));
        return attributes;
    }

    /**
     * A base64 Response whose assertion is signed with {@code key} (unsigned when null), addressed to
     * {@code recipient}, for the SP {@code urn:amazon:webservices}, valid from {@code now} for five minutes.
     */
    public static String base64(IdpKey key, String recipient, Instant now, Map<String, List<String>> attributes) {
        return base64(key, recipient, now, attributes, null);
    }

    /** As {@link #base64(IdpKey, String, Instant, Map)}, answering the AuthnRequest {@code inResponseTo}. */
    public static String base64(IdpKey key, String recipient, Instant now, Map<String, List<String>> attributes,
            String inResponseTo) {
        return TestSamlResponses.response().validAround(now).with(b -> {
            b.responseInResponseTo = inResponseTo;
            b.confirmationInResponseTo = inResponseTo;
            b.destination = recipient;
            b.recipient = recipient;
            b.attributes = new LinkedHashMap<>(attributes);
        }).signAssertion(key == null ? null : key.signingKey()).base64();
    }
}
