package io.stsgate.policy;

import java.util.List;

/**
 * Matches ARNs segment by segment: partition, service, region and account each within their own
 * segment, then the resource segment, which may hold further ':' and '/' and where {@code *} spans
 * them. {@code "*"} alone matches anything.
 */
final class ArnMatcher {

    private static final int SEGMENTS = 6;
    private static final String SHAPE = "must be \"*\" or an ARN (arn:partition:service:region:account:resource)";

    private final Template template;
    private final boolean matchesAll;
    private final Template[] segments;
    /** Compiled at parse time; a null entry is a segment with variables, compiled per request. */
    private final Glob[] globs;

    private ArnMatcher(Template template, boolean matchesAll, List<Template> segments) {
        this.template = template;
        this.matchesAll = matchesAll;
        this.segments = segments.toArray(new Template[0]);
        this.globs = new Glob[this.segments.length];
        for (int i = 0; i < this.segments.length; i++) {
            globs[i] = this.segments[i].staticGlob();
        }
    }

    /** Plain text needs no segment templates: each segment compiles straight to a glob. */
    private ArnMatcher(Template template, String[] segments) {
        this.template = template;
        this.matchesAll = false;
        this.segments = null;
        this.globs = new Glob[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            String segment = segments[i];
            globs[i] = segment == ARN ? ARN_GLOB : segment == AWS ? AWS_GLOB : Glob.compile(segment);
        }
    }

    /**
     * Text before the resource segment, then a resource segment that may hold variables: the first five
     * segments compile straight to globs, as for plain text; only the last needs its template.
     */
    private ArnMatcher(Template template, String[] head, Template tail) {
        this.template = template;
        this.matchesAll = false;
        this.segments = new Template[SEGMENTS];
        this.segments[SEGMENTS - 1] = tail;
        this.globs = new Glob[SEGMENTS];
        for (int i = 0; i < SEGMENTS - 1; i++) {
            String segment = head[i];
            globs[i] = segment == ARN ? ARN_GLOB : segment == AWS ? AWS_GLOB : Glob.compile(segment);
        }
        globs[SEGMENTS - 1] = tail.staticGlob();
    }

    private static final String ARN = "arn";
    private static final String AWS = "aws";
    private static final Glob ARN_GLOB = Glob.compile(ARN);
    private static final Glob AWS_GLOB = Glob.compile(AWS);

    /** The text of {@code [from, to)}, as a shared instance for the segments nearly every ARN has. */
    private static String segment(String text, int from, int to) {
        int length = to - from;
        if (length == 3 && text.startsWith(ARN, from)) {
            return ARN;
        }
        if (length == 3 && text.startsWith(AWS, from)) {
            return AWS;
        }
        return length == 0 ? "" : text.substring(from, to);
    }

    /**
     * @param serviceWildcards whether the service segment may hold wildcards (IAM forbids them in
     *        Resource, ARN condition operators allow them)
     */
    static Parsed<ArnMatcher> parse(Template template, boolean serviceWildcards) {
        if (!template.hasVariables() && template.source().equals("*")) {
            return Parsed.ok(new ArnMatcher(template, true, List.of()));
        }
        if (template.isPlainText()) {
            String[] segments = splitSegments(template.source());
            String problem = segments.length < SEGMENTS ? SHAPE : shapeProblem(segments[0], segments[2], serviceWildcards);
            return problem != null ? Parsed.failure(problem) : Parsed.ok(new ArnMatcher(template, segments));
        }
        String lead = template.leadingText();
        if (lead != null) {
            // Usually every colon is in the text before the first variable: split that text alone.
            String[] head = new String[SEGMENTS - 1];
            int start = 0;
            for (int i = 0; i < SEGMENTS - 1 && start >= 0; i++) {
                int colon = lead.indexOf(':', start);
                head[i] = colon < 0 ? null : segment(lead, start, colon);
                start = colon < 0 ? -1 : colon + 1;
            }
            if (start >= 0) {
                String problem = shapeProblem(head[0], head[2], serviceWildcards);
                return problem != null ? Parsed.failure(problem)
                        : Parsed.ok(new ArnMatcher(template, head, template.tailFrom(start)));
            }
        }
        List<Template> segments = template.split(':', SEGMENTS);
        if (segments.size() < SEGMENTS || segments.get(0).hasVariables() || segments.get(2).hasVariables()) {
            return Parsed.failure(segments.size() < SEGMENTS ? SHAPE
                    : "the service segment of an ARN must not hold variables");
        }
        String problem = shapeProblem(segments.get(0).source(), segments.get(2).source(), serviceWildcards);
        return problem != null ? Parsed.failure(problem) : Parsed.ok(new ArnMatcher(template, false, segments));
    }

    /** The six segments of an ARN (the last keeps further colons), or fewer when it has fewer. */
    private static String[] splitSegments(String text) {
        String[] segments = new String[SEGMENTS];
        int start = 0;
        for (int i = 0; i < SEGMENTS - 1; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                return java.util.Arrays.copyOf(segments, i);
            }
            segments[i] = segment(text, start, colon);
            start = colon + 1;
        }
        segments[SEGMENTS - 1] = segment(text, start, text.length());
        return segments;
    }

    private static String shapeProblem(String prefix, String service, boolean serviceWildcards) {
        if (!prefix.equals("arn")) {
            return SHAPE;
        }
        if (service.isEmpty()) {
            return "the service segment of an ARN must not be empty";
        }
        if (!serviceWildcards && (service.indexOf('*') >= 0 || service.indexOf('?') >= 0)) {
            return "the service segment of a resource ARN must not hold wildcards";
        }
        return null;
    }

    Template template() {
        return template;
    }

    Match matches(String arn, RequestContext context) {
        if (matchesAll) {
            return Match.YES;
        }
        int start = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            int end = i == SEGMENTS - 1 ? arn.length() : arn.indexOf(':', start);
            if (end < 0) {
                return mismatch(context);
            }
            if (globs[i] != null) {
                if (!globs[i].matches(arn, start, end, false)) {
                    return mismatch(context);
                }
            } else {
                TokenBuffer buffer = TokenBuffer.get();
                if (!segments[i].resolveInto(context, buffer)) {
                    return Match.UNDEFINED;
                }
                if (!buffer.matches(arn, start, end)) {
                    return mismatch(context);
                }
            }
            start = end + 1;
        }
        return Match.YES;
    }

    /** An undefined variable anywhere outranks a mismatch, whatever segment failed first. */
    private Match mismatch(RequestContext context) {
        return template.hasVariables() && template.firstUndefined(context) != null ? Match.UNDEFINED : Match.NO;
    }
}
