package io.stsgate.testsupport.keycloak;

/** Keycloak could not be started, reached or driven. Messages never contain passwords or tokens. */
public final class KeycloakException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeycloakException(String message) {
        super(message);
    }

    public KeycloakException(String message, Throwable cause) {
        super(message, cause);
    }
}
