package io.stsgate.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The size bound of one audit event, the same for the log line and the stored row: every text field has a maximum
 * length, and a longer value is cut and ends with a marker saying how much was cut ({@code …[+1536 cut]}), so a cut
 * value is never mistaken for a whole one. Session tags are bounded by count and size. A worst-case event is about
 * 6 KB of text however large the request was.
 */
public final class AuditBounds {

    static final int IDENTIFIER = 64;
    static final int ARN = 512;
    static final int DETAIL = 512;
    static final int USER_AGENT = 256;
    static final int ACCESS_KEY_ID = 32;
    static final int TAG_KEY = 128;
    static final int TAG_VALUE = 128;
    static final int TAGS = 10;
    /** The key under which the number of tags left out is recorded. */
    static final String TAGS_CUT = "…";

    private AuditBounds() {
    }

    /** {@code event} with every field within its bound. */
    public static AuditEvent bounded(AuditEvent e) {
        return new AuditEvent(e.time(), cut(e.requestId(), IDENTIFIER), cut(e.action(), IDENTIFIER), e.outcome(),
                e.reason(), cut(e.errorCode(), IDENTIFIER), cut(e.detail(), DETAIL), cut(e.principal(), ARN),
                cut(e.subject(), ARN), cut(e.issuer(), ARN), cut(e.roleArn(), ARN), cut(e.sessionName(), IDENTIFIER),
                cut(e.sourceIdentity(), IDENTIFIER), e.durationSeconds(), tags(e.tags()),
                cut(e.issuedAccessKeyId(), ACCESS_KEY_ID), cut(e.sourceIp(), IDENTIFIER),
                cut(e.userAgent(), USER_AGENT), e.occurrences());
    }

    /** {@code value} if it fits in {@code max} characters, else its start and a marker, {@code max} in all. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        // Room for the longest marker this value can need; the count is of every character removed.
        int keep = max - ("…[+" + value.length() + " cut]").length();
        return value.substring(0, keep) + "…[+" + (value.length() - keep) + " cut]";
    }

    private static Map<String, String> tags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return tags;
        }
        var bounded = new LinkedHashMap<String, String>();
        for (var tag : tags.entrySet()) {
            if (bounded.size() == TAGS) {
                bounded.put(TAGS_CUT, "+" + (tags.size() - TAGS) + " tags cut");
                break;
            }
            bounded.put(cut(tag.getKey(), TAG_KEY), cut(tag.getValue(), TAG_VALUE));
        }
        return bounded;
    }
}
