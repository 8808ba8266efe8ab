package io.stsgate.policy;

import java.util.List;

/** Values of the Bool operator: "true" and/or "false". */
final class BoolValues implements ConditionValues {

    private final boolean acceptsTrue;
    private final boolean acceptsFalse;

    private BoolValues(boolean acceptsTrue, boolean acceptsFalse) {
        this.acceptsTrue = acceptsTrue;
        this.acceptsFalse = acceptsFalse;
    }

    static Parsed<ConditionValues> compile(List<String> values) {
        boolean acceptsTrue = false;
        boolean acceptsFalse = false;
        for (String value : values) {
            if (value.equalsIgnoreCase("true")) {
                acceptsTrue = true;
            } else if (value.equalsIgnoreCase("false")) {
                acceptsFalse = true;
            } else {
                return Parsed.failure("value '" + PolicyText.quote(value) + "' is not a boolean (\"true\" or \"false\")");
            }
        }
        return Parsed.ok(new BoolValues(acceptsTrue, acceptsFalse));
    }

    /** Reads "true"/"false" in any case; null for anything else. */
    static Boolean parse(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        Boolean value = parse(requestValue);
        if (value == null) {
            return Match.ERROR;
        }
        return (value ? acceptsTrue : acceptsFalse) ? Match.YES : Match.NO;
    }

    @Override
    public String expectedForm() {
        return "a boolean";
    }
}
