package io.stsgate.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String text;

    Effect(String text) {
        this.text = text;
    }

    /** The JSON spelling, "Allow" or "Deny". */
    public String text() {
        return text;
    }
}
