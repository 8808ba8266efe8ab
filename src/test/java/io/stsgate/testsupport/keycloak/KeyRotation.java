package io.stsgate.testsupport.keycloak;

/**
 * Outcome of {@link KeycloakAdmin#rotateSigningKey()}: the realm now signs with {@code newKid}; the previous key
 * is passive (still published in the JWKS, no longer used for signing) until {@link KeycloakAdmin#retireKey}.
 *
 * @param previousKid kid that signed tokens before the rotation
 * @param previousProviderId id of the key provider component that holds the previous key
 * @param newKid kid that signs tokens from now on
 * @param newProviderId id of the key provider component created for the new key
 */
public record KeyRotation(String previousKid, String previousProviderId, String newKid, String newProviderId) {
}
