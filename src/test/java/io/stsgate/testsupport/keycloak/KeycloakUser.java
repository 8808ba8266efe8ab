package io.stsgate.testsupport.keycloak;

/** The users of the {@code stsgate} test realm. Test-only passwords, never logged. */
public enum KeycloakUser {

    /** Groups engineering and stsgate-admins (realm role stsgate-admin), department engineering. */
    ALICE("alice", "alice-password"),
    /** Group finance, department finance. */
    BOB("bob", "bob-password"),
    /** Group auditors (realm role stsgate-auditor), no department. */
    CAROL("carol", "carol-password");

    private final String username;
    private final String password;

    KeycloakUser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return username;
    }
}
