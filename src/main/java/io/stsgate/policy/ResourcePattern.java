package io.stsgate.policy;

/** One value of a Resource or NotResource element, compiled for ARN-aware, case-sensitive matching. */
public final class ResourcePattern {

    private final ArnMatcher matcher;

    private ResourcePattern(ArnMatcher matcher) {
        this.matcher = matcher;
    }

    /** {@code "*"}, shared: the same with or without variables, and immutable. */
    private static final Parsed<ResourcePattern> PARSED_ANY = Parsed
            .ok(new ResourcePattern(ArnMatcher.parse(Template.literal("*"), false).value()));

    static Parsed<ResourcePattern> parse(String text, boolean variables) {
        if (text.equals("*")) {
            return PARSED_ANY;
        }
        if (text.isEmpty()) {
            return Parsed.failure("a resource must be a non-empty string");
        }
        Template template;
        if (PolicyVariables.holdsVariables(text, variables)) {
            Parsed<Template> parsed = PolicyVariables.parse(text, variables);
            if (parsed.failed()) {
                return Parsed.failure(parsed.problem());
            }
            template = parsed.value();
        } else {
            template = Template.literal(text);
        }
        Parsed<ArnMatcher> matcher = ArnMatcher.parse(template, false);
        if (matcher.failed()) {
            return Parsed.failure("resource '" + PolicyText.quote(text) + "' " + matcher.problem());
        }
        return Parsed.ok(new ResourcePattern(matcher.value()));
    }

    /** The pattern as written in the policy. */
    public String text() {
        return matcher.template().source();
    }

    Match matches(String resource, RequestContext context) {
        return matcher.matches(resource, context);
    }

    Template template() {
        return matcher.template();
    }

    @Override
    public String toString() {
        return text();
    }
}
