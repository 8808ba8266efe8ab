package io.stsgate.api.query;

import java.util.regex.Pattern;

import io.stsgate.engine.StsException;
import io.stsgate.engine.StsSyntax;

/**
 * The wire-format constraints of the STS model (lengths, ranges, patterns), with AWS's own ValidationError wording.
 */
final class ParameterRules {

    static final Pattern SESSION_NAME = StsSyntax.SESSION_NAME;
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    static final Pattern SERIAL_NUMBER = Pattern.compile("[\\w+=/:,.@-]*");
    static final Pattern TOKEN_CODE = Pattern.compile("\\d*");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w*");
    static final Pattern ARN = Pattern
            .compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]+");
    static final Pattern POLICY_TEXT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final Pattern TAG_KEY = StsSyntax.TAG_KEY;
    static final Pattern TAG_VALUE = StsSyntax.TAG_VALUE;

    private ParameterRules() {
    }

    static String required(QueryParameters params, String name, String member) {
        String value = params.value(name);
        if (value == null) {
            throw StsException.validation(
                    "1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        return value;
    }

    static String text(String value, String member, int min, int max, Pattern pattern) {
        if (value == null) {
            return null;
        }
        if (value.length() < min) {
            throw constraint(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw constraint(value, member, "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw constraint(value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    static Integer integer(String value, String member, int min, int max) {
        if (value == null) {
            return null;
        }
        int n;
        try {
            if (!StsSyntax.INTEGER.matcher(value).matches()) {
                throw new NumberFormatException("not ASCII digits");
            }
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw StsException.validation("1 validation error detected: Value '" + safe(value) + "' at '" + member
                    + "' failed to satisfy constraint: Member must be an integer");
        }
        if (n < min) {
            throw constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (n > max) {
            throw constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return n;
    }

    private static StsException constraint(String value, String member, String rule) {
        return StsException.validation("1 validation error detected: Value '" + safe(value) + "' at '" + member
                + "' failed to satisfy constraint: " + rule);
    }

    /** Echo short values only: policies and tokens stay out of error messages. */
    private static String safe(String value) {
        return value.length() > 64 ? value.substring(0, 32) + "…" : value;
    }
}
