package io.stsgate.policy;

import java.util.List;

/** Values of the Null operator: "true" tests that the key is absent, "false" that it is present. */
final class NullValues implements ConditionValues {

    private final boolean acceptsAbsent;
    private final boolean acceptsPresent;

    private NullValues(boolean acceptsAbsent, boolean acceptsPresent) {
        this.acceptsAbsent = acceptsAbsent;
        this.acceptsPresent = acceptsPresent;
    }

    static Parsed<ConditionValues> compile(List<String> values) {
        boolean absent = false;
        boolean present = false;
        for (String value : values) {
            Boolean parsed = BoolValues.parse(value);
            if (parsed == null) {
                return Parsed.failure("value '" + PolicyText.quote(value) + "' is not a boolean (\"true\" or \"false\")");
            }
            absent |= parsed;
            present |= !parsed;
        }
        return Parsed.ok(new NullValues(absent, present));
    }

    Match testPresence(boolean keyPresent) {
        return (keyPresent ? acceptsPresent : acceptsAbsent) ? Match.YES : Match.NO;
    }

    /** Never called: the clause asks {@link #testPresence} instead, as Null looks at no value. */
    @Override
    public Match test(String requestValue, RequestContext context) {
        return Match.ERROR;
    }
}
