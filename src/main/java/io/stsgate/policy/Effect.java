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

    static Effect fromText(String text) {
        for (Effect effect : values()) {
            if (effect.text.equals(text)) {
                return effect;
            }
        }
        return null;
    }
}
