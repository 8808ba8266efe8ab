package io.stsgate.engine;

import java.util.regex.Pattern;

/**
 * The STS model's character rules for values that reach the engine both as request parameters and from federated
 * tokens and assertions (a session name, a source identity, a session tag), so both paths refuse the same things.
 */
public final class StsSyntax {

    /** RoleSessionName and SourceIdentity: {@code [\w+=,.@-]*}. */
    public static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** A session tag key (1-128 characters). */
    public static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    /** A session tag value (0-256 characters). */
    public static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /**
     * A whole number as the wire writes it: ASCII digits with an optional minus, as AWS reads them. Not
     * {@link Integer#parseInt}'s syntax alone, which also takes {@code +}, full-width and other scripts' digits.
     */
    public static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

    private StsSyntax() {
    }
}
