package io.stsgate.api.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry's ETag is its store version in quotes; a change names the version it was made from in {@code If-Match},
 * so of two administrators who read the same version, the second to write gets 412 instead of silently overwriting
 * the first.
 */
final class EntityTags {

    static final String IF_MATCH = "If-Match";
    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version {@code ifMatch} names; refuses a missing header (428), a wildcard or anything but one ETag (400). */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new AdminProblem(AdminErrorCode.PRECONDITION_REQUIRED, IF_MATCH,
                    "If-Match is required: send the ETag of the entry as you read it");
        }
        if (ifMatch.strip().equals("*")) {
            // "*" would match whatever is stored now: exactly the blind overwrite If-Match is here to prevent.
            throw AdminProblem.invalid(IF_MATCH, "If-Match: * is not accepted; send the ETag of the entry as you read it");
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw AdminProblem.invalid(IF_MATCH, "If-Match: expected one ETag as returned by GET, like \"3\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
