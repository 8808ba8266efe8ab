package io.stsgate.crypto;

import java.nio.charset.StandardCharsets;

/**
 * What a subkey derived from a keyring key is used for. Each purpose has its own HKDF label, so the key that seals
 * session tokens never equals the key that derives secret access keys.
 */
public enum KeyPurpose {
    SESSION_TOKEN("stsgate session-token v1"),
    SECRET_KEY("stsgate secret-key v1"),
    AUTHZ_MESSAGE("stsgate authz-message v1"),
    STORED_SECRET("stsgate stored-secret v1"),
    SAML_AUTHN_REQUEST("stsgate saml-authn-request v1"),
    SAML_SIGN_IN("stsgate saml-sign-in v1");

    private final String label;

    KeyPurpose(String label) {
        this.label = label;
    }

    /** The HKDF {@code info} label. */
    public String label() {
        return label;
    }

    byte[] info() {
        return label.getBytes(StandardCharsets.US_ASCII);
    }
}
