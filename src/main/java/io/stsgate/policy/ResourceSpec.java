package io.stsgate.policy;

import java.util.List;

/** A statement's Resource ({@code negated} false) or NotResource element. */
public record ResourceSpec(boolean negated, List<ResourcePattern> patterns) {

    public ResourceSpec {
        patterns = List.copyOf(patterns);
    }

    /**
     * YES when the element covers the resource, NO when it does not, UNDEFINED when no pattern with a value matched
     * and a pattern's variable has no value (the statement decides what that means: StatementCheck#covers).
     */
    Match matches(String resource, RequestContext context) {
        boolean undefined = false;
        for (int i = 0; i < patterns.size(); i++) {
            Match match = patterns.get(i).matches(resource, context);
            if (match == Match.YES) {
                return negated ? Match.NO : Match.YES;
            }
            undefined |= match == Match.UNDEFINED;
        }
        if (undefined) {
            return Match.UNDEFINED;
        }
        return negated ? Match.YES : Match.NO;
    }

    /** The first variable without a value in the request, for explanations; null if none. */
    Template.Variable firstUndefined(RequestContext context) {
        for (ResourcePattern pattern : patterns) {
            Template.Variable variable = pattern.template().firstUndefined(context);
            if (variable != null) {
                return variable;
            }
        }
        return null;
    }

    String elementName() {
        return negated ? "NotResource" : "Resource";
    }
}
