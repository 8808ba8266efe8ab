package io.stsgate.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.stsgate.audit.ReasonCode;

/**
 * The rules of session tags, whatever asserts them (AssumeRole and GetFederationToken {@code Tags}, the OIDC tags
 * claim and tag rules, SAML {@code PrincipalTag:*}): AWS's character set, keys of 1 to 128 and values of up to 256
 * characters, keys unique without case and not beginning with {@code aws:}, at most 50. Also combines requested tags
 * with the transitive tags a role session inherits: inherited transitive tags cannot be overridden, and transitive
 * keys must name passed tags.
 */
public final class SessionTagRules {

    public static final int MAX_TAGS = 50;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;

    private SessionTagRules() {
    }

    /** The first rule {@code tags} break, for the caller's error message; empty when they follow every rule. */
    public static Optional<String> problem(List<SessionTag> tags) {
        if (tags.size() > MAX_TAGS) {
            return Optional.of(tags.size() + " session tags; at most " + MAX_TAGS + " are allowed");
        }
        var seen = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        for (var tag : tags) {
            String key = tag.key();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !StsSyntax.TAG_KEY.matcher(key).matches()) {
                return Optional.of("session tag key " + shown(key) + " must be 1 to " + MAX_KEY_LENGTH
                        + " characters of letters, digits, spaces and _.:/=+-@");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                return Optional.of("session tag key " + shown(key) + " begins with aws:, which is reserved");
            }
            if (tag.value().length() > MAX_VALUE_LENGTH || !StsSyntax.TAG_VALUE.matcher(tag.value()).matches()) {
                return Optional.of("the value of session tag " + key + " must be up to " + MAX_VALUE_LENGTH
                        + " characters of letters, digits, spaces and _.:/=+-@");
            }
            if (!seen.add(key)) {
                return Optional.of("session tag keys must be unique ignoring case: " + key);
            }
        }
        return Optional.empty();
    }

    /** Keys are echoed only when short, as AWS echoes parameter values. */
    private static String shown(String key) {
        return key.length() > 64 ? key.substring(0, 32) + "…" : key;
    }

    record Combined(List<SessionTag> tags, Set<String> transitiveKeys) {
    }

    static Combined combine(List<SessionTag> inherited, Set<String> inheritedTransitive, List<SessionTag> requested,
            List<String> requestedTransitive) {
        var seen = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        for (var tag : requested) {
            if (!seen.add(tag.key())) {
                throw conflict("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        if (requested.size() > MAX_TAGS) {
            throw tooMany();
        }
        problem(requested).ifPresent(problem -> {
            throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.TAG_INVALID,
                    "The session tags are invalid: " + problem + ".", problem);
        });
        for (var tag : inherited) {
            if (seen.contains(tag.key())) {
                throw conflict("One or more of the specified tag keys conflict with transitive tags of the calling "
                        + "session: " + tag.key());
            }
        }
        for (String key : requestedTransitive) {
            if (!seen.contains(key)) {
                throw new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.TAG_CONFLICT,
                        "The transitive tag key " + key + " is not among the session tags passed.");
            }
        }
        var tags = new ArrayList<SessionTag>(inherited);
        tags.addAll(requested);
        if (tags.size() > MAX_TAGS) {
            throw tooMany();
        }
        var transitive = new LinkedHashSet<String>(inheritedTransitive);
        transitive.addAll(requestedTransitive);
        return new Combined(tags, transitive);
    }

    private static StsException tooMany() {
        return StsException.validation("1 validation error detected: Value at 'tags' failed to satisfy "
                + "constraint: Member must have length less than or equal to " + MAX_TAGS);
    }

    private static StsException conflict(String message) {
        return new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.TAG_CONFLICT, message);
    }
}
