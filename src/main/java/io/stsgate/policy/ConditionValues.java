package io.stsgate.policy;

/**
 * The values of one condition key, compiled for one operator family. {@link #test} answers the
 * positive form of the operator for one request value against all policy values (ORed); the caller
 * applies negation and set qualifiers.
 */
sealed interface ConditionValues
        permits StringValues, NumericValues, DateValues, BoolValues, BinaryValues, IpValues, ArnValues, NullValues {

    Match test(String requestValue, RequestContext context);

    /** The first policy variable without a value in this request, for explanations; null if none. */
    default Template.Variable firstUndefined(RequestContext context) {
        return null;
    }

    /** What a request value must look like, for explanations of ERROR. */
    default String expectedForm() {
        return "a valid value";
    }
}
