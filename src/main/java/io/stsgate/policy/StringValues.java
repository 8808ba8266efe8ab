package io.stsgate.policy;

import java.util.List;

import io.stsgate.policy.ConditionOperator.Comparison;

/** Values of the String* operators; policy variables are allowed, their values are literal. */
final class StringValues implements ConditionValues {

    private final Comparison comparison;
    private final Template[] templates;
    /** StringLike patterns compiled at parse time; null entries hold variables. */
    private final Glob[] globs;

    private StringValues(Comparison comparison, Template[] templates) {
        this.comparison = comparison;
        this.templates = templates;
        // Only StringLike reads globs.
        this.globs = comparison == Comparison.LIKE ? new Glob[templates.length] : null;
        if (comparison == Comparison.LIKE) {
            for (int i = 0; i < templates.length; i++) {
                globs[i] = templates[i].staticGlob();
            }
        }
    }

    static Parsed<ConditionValues> compile(ConditionOperator operator, List<String> values, boolean variables) {
        Template[] templates = new Template[values.size()];
        for (int i = 0; i < templates.length; i++) {
            String value = values.get(i);
            if (!PolicyVariables.holdsVariables(value, variables)) {
                templates[i] = Template.literal(value);
                continue;
            }
            Parsed<Template> template = PolicyVariables.parse(value, variables);
            if (template.failed()) {
                return Parsed.failure(template.problem());
            }
            templates[i] = template.value();
        }
        return Parsed.ok(new StringValues(operator.comparison(), templates));
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        boolean undefined = false;
        for (int i = 0; i < templates.length; i++) {
            Match match;
            if (comparison == Comparison.LIKE) {
                if (globs[i] != null) {
                    match = globs[i].matches(requestValue) ? Match.YES : Match.NO;
                } else {
                    TokenBuffer buffer = TokenBuffer.get();
                    if (!templates[i].resolveInto(context, buffer)) {
                        undefined = true;
                        continue;
                    }
                    match = buffer.matches(requestValue, 0, requestValue.length()) ? Match.YES : Match.NO;
                }
            } else {
                match = templates[i].matchesExactly(requestValue, context,
                        comparison == Comparison.EQUAL_IGNORE_CASE);
            }
            if (match == Match.YES) {
                return Match.YES;
            }
            undefined |= match == Match.UNDEFINED;
        }
        return undefined ? Match.UNDEFINED : Match.NO;
    }

    @Override
    public Template.Variable firstUndefined(RequestContext context) {
        for (Template template : templates) {
            Template.Variable variable = template.firstUndefined(context);
            if (variable != null) {
                return variable;
            }
        }
        return null;
    }
}
