package io.stsgate.policy;

/** The role a policy plays in one evaluation; it decides the Principal rules and the words of reasons. */
enum Scope {
    IDENTITY("identity"),
    SESSION("session"),
    TRUST("trust"),
    /** A resource-based policy (e.g. a bucket policy): Principal or NotPrincipal required, Resource required. */
    RESOURCE("resource");

    private final String word;

    Scope(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    /** "an identity", "a session", "a trust". */
    String withArticle() {
        return (this == IDENTITY ? "an " : "a ") + word;
    }
}
