package io.stsgate.policy;

import java.util.List;

/** Values of the Arn* operators; ArnEquals and ArnLike behave alike, as in IAM. */
final class ArnValues implements ConditionValues {

    private final ArnMatcher[] matchers;

    private ArnValues(ArnMatcher[] matchers) {
        this.matchers = matchers;
    }

    static Parsed<ConditionValues> compile(List<String> values, boolean variables) {
        ArnMatcher[] matchers = new ArnMatcher[values.size()];
        for (int i = 0; i < matchers.length; i++) {
            Parsed<Template> template = PolicyVariables.parse(values.get(i), variables);
            if (template.failed()) {
                return Parsed.failure(template.problem());
            }
            Parsed<ArnMatcher> matcher = ArnMatcher.parse(template.value(), true);
            if (matcher.failed()) {
                return Parsed.failure("value '" + PolicyText.quote(values.get(i)) + "' " + matcher.problem());
            }
            matchers[i] = matcher.value();
        }
        return Parsed.ok(new ArnValues(matchers));
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        boolean undefined = false;
        for (ArnMatcher matcher : matchers) {
            Match match = matcher.matches(requestValue, context);
            if (match == Match.YES) {
                return Match.YES;
            }
            undefined |= match == Match.UNDEFINED;
        }
        return undefined ? Match.UNDEFINED : Match.NO;
    }

    @Override
    public Template.Variable firstUndefined(RequestContext context) {
        for (ArnMatcher matcher : matchers) {
            Template.Variable variable = matcher.template().firstUndefined(context);
            if (variable != null) {
                return variable;
            }
        }
        return null;
    }
}
