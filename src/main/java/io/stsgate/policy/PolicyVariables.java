package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'company-wide'}},
 * {@code ${*}}, {@code ${?}}, {@code ${$}}) out of policy text. Only Version 2012-10-17 has
 * variables; in older documents the text is taken literally.
 */
final class PolicyVariables {

    private PolicyVariables() {
    }

    static Parsed<Template> parse(String raw, boolean enabled) {
        if (!holdsVariables(raw, enabled)) {
            return Parsed.ok(Template.literal(raw));
        }
        List<Template.Part> parts = new ArrayList<>(4);
        int at = 0;
        while (at < raw.length()) {
            int open = raw.indexOf("${", at);
            if (open < 0) {
                parts.add(new Template.Text(raw.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Template.Text(raw.substring(at, open)));
            }
            int close = raw.indexOf('}', open + 2);
            if (close < 0) {
                return Parsed.failure("unterminated policy variable in '" + PolicyText.quote(raw) + "'");
            }
            Parsed<Template.Part> part = variable(raw.substring(open + 2, close));
            if (part.failed()) {
                return Parsed.failure(part.problem() + " in '" + PolicyText.quote(raw) + "'");
            }
            parts.add(part.value());
            at = close + 1;
        }
        return Parsed.ok(new Template(raw, parts));
    }

    /**
     * Whether {@link #parse} has variables to read in the text; when not, the template is
     * {@link Template#literal}, which callers on a hot path make without a {@link Parsed}.
     */
    static boolean holdsVariables(String raw, boolean enabled) {
        return enabled && raw.indexOf("${") >= 0;
    }

    private static Parsed<Template.Part> variable(String body) {
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return Parsed.ok(new Template.Escaped(body.charAt(0)));
        }
        int comma = body.indexOf(',');
        String key = (comma < 0 ? body : body.substring(0, comma)).strip();
        if (key.isEmpty() || !validKey(key)) {
            return Parsed.failure("invalid policy variable '${" + PolicyText.quote(body) + "}'");
        }
        String defaultValue = null;
        if (comma >= 0) {
            String rest = body.substring(comma + 1).strip();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\''
                    || rest.substring(1, rest.length() - 1).indexOf('\'') >= 0) {
                return Parsed.failure("invalid default value in policy variable '${" + PolicyText.quote(body)
                        + "}' (expected ${key, 'value'})");
            }
            defaultValue = rest.substring(1, rest.length() - 1);
        }
        return Parsed.ok(new Template.Variable(key, RequestContext.normalize(key), defaultValue));
    }

    private static boolean validKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c == '$' || c == '{' || c == '\'' || c == '*' || c == '?') {
                return false;
            }
        }
        return true;
    }
}
