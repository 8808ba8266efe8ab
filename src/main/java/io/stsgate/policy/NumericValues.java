package io.stsgate.policy;

import java.math.BigDecimal;
import java.util.List;

import io.stsgate.policy.ConditionOperator.Comparison;

/** Values of the Numeric* operators: decimals, compared exactly; integers take an allocation-free path. */
final class NumericValues implements ConditionValues {

    private static final int MAX_LENGTH = 40;
    private static final long NOT_SIMPLE = Long.MIN_VALUE;

    private final Comparison comparison;
    private final BigDecimal[] decimals;
    private final long[] longs;

    private NumericValues(Comparison comparison, BigDecimal[] decimals, long[] longs) {
        this.comparison = comparison;
        this.decimals = decimals;
        this.longs = longs;
    }

    static Parsed<ConditionValues> compile(ConditionOperator operator, List<String> values) {
        BigDecimal[] decimals = new BigDecimal[values.size()];
        long[] longs = new long[values.size()];
        for (int i = 0; i < decimals.length; i++) {
            String value = values.get(i);
            if (!isNumber(value)) {
                return Parsed.failure("value '" + PolicyText.quote(value) + "' is not a number");
            }
            decimals[i] = new BigDecimal(value);
            longs[i] = simpleLong(value);
        }
        return Parsed.ok(new NumericValues(operator.comparison(), decimals, longs));
    }

    /** {@code -?digits(.digits)?}, bounded in length so comparisons stay cheap. */
    static boolean isNumber(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digitsStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digitsStart) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int fractionStart = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == fractionStart) {
                return false;
            }
        }
        return i == n;
    }

    /** The value of an integer of at most 18 digits, else {@link #NOT_SIMPLE}. */
    private static long simpleLong(String s) {
        int n = s.length();
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (n - i > 18) {
            return NOT_SIMPLE;
        }
        long value = 0;
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (!isDigit(c)) {
                return NOT_SIMPLE;
            }
            value = value * 10 + (c - '0');
        }
        return i == 1 ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public Match test(String requestValue, RequestContext context) {
        if (!isNumber(requestValue)) {
            return Match.ERROR;
        }
        long simple = simpleLong(requestValue);
        BigDecimal decimal = null;
        for (int i = 0; i < decimals.length; i++) {
            int compared;
            if (simple != NOT_SIMPLE && longs[i] != NOT_SIMPLE) {
                compared = Long.compare(simple, longs[i]);
            } else {
                decimal = decimal == null ? new BigDecimal(requestValue) : decimal;
                compared = decimal.compareTo(decimals[i]);
            }
            if (comparison.holds(compared)) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    @Override
    public String expectedForm() {
        return "a number";
    }
}
