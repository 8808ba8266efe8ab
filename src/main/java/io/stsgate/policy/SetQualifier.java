package io.stsgate.policy;

/** The set qualifier of a condition operator, for multi-valued keys. */
public enum SetQualifier {
    NONE(""),
    /** At least one request value matches; false when the key is absent. */
    FOR_ANY_VALUE("ForAnyValue:"),
    /** Every request value matches; true when the key is absent or empty. */
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written, e.g. "ForAnyValue:", or "" for none. */
    public String prefix() {
        return prefix;
    }
}
