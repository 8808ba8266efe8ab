package io.stsgate.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.stsgate.audit.ReasonCode;

/**
 * Combines requested session tags with the transitive tags a role session inherits: keys are case-insensitive, at
 * most 50 tags, inherited transitive tags cannot be overridden, and transitive keys must name passed tags.
 */
final class SessionTagRules {

    static final int MAX_TAGS = 50;

    private SessionTagRules() {
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
            throw StsException.validation("1 validation error detected: Value at 'tags' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_TAGS);
        }
        var transitive = new LinkedHashSet<String>(inheritedTransitive);
        transitive.addAll(requestedTransitive);
        return new Combined(tags, transitive);
    }

    private static StsException conflict(String message) {
        return new StsException(ErrorCode.INVALID_PARAMETER_VALUE, ReasonCode.TAG_CONFLICT, message);
    }
}
