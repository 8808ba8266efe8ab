package io.stsgate.policy;

import java.util.List;

import io.stsgate.policy.ConditionOperator.Comparison;

/** Values of the Date* operators, held as epoch milliseconds. */
final class DateValues implements ConditionValues {

    private final Comparison comparison;
    private final long[] millis;

    private DateValues(Comparison comparison, long[] millis) {
        this.comparison = comparison;
        this.millis = millis;
    }

    static Parsed<ConditionValues> compile(ConditionOperator operator, List<String> values) {
        long[] millis = new long[values.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = EpochMillis.parse(values.get(i));
            if (millis[i] == EpochMillis.INVALID) {
                return Parsed.failure("value '" + PolicyText.quote(values.get(i))
                        + "' is not a date (ISO 8601 such as 2020-01-01T00:00:00Z, or epoch seconds)");
            }
        }
        return Parsed.ok(new DateValues(operator.comparison(), millis));
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        long request = EpochMillis.parse(requestValue);
        if (request == EpochMillis.INVALID) {
            return Match.ERROR;
        }
        for (long value : millis) {
            if (comparison.holds(Long.compare(request, value))) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    @Override
    public String expectedForm() {
        return "a date";
    }
}
