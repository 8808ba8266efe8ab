package io.stsgate.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Policy text that may hold policy variables. Substituted values are always literal: a {@code *} that
 * comes from the request is a character, never a wildcard.
 */
final class Template {

    sealed interface Part {
    }

    /** Text written in the policy; its {@code *} and {@code ?} are wildcards where the operator has them. */
    record Text(String text) implements Part {
    }

    /** {@code ${key}} or {@code ${key, 'default'}}; {@code defaultValue} is null when absent. */
    record Variable(String key, String lowerKey, String defaultValue) implements Part {
    }

    /** {@code ${*}}, {@code ${?}} or {@code ${$}}: the literal character. */
    record Escaped(char character) implements Part {
    }

    private final String source;
    private final Part[] parts;
    private final boolean hasVariables;

    Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts.toArray(new Part[0]);
        boolean variables = false;
        for (Part part : this.parts) {
            variables |= part instanceof Variable;
        }
        this.hasVariables = variables;
    }

    private Template(String text) {
        this.source = text;
        this.parts = new Part[] { new Text(text) };
        this.hasVariables = false;
    }

    static Template literal(String text) {
        return new Template(text);
    }

    String source() {
        return source;
    }

    boolean hasVariables() {
        return hasVariables;
    }

    /** The value of a variable in this request, or null when it has none. */
    static String valueOf(Variable variable, RequestContext context) {
        List<String> values = context.lookup(variable.lowerKey());
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        return variable.defaultValue();
    }

    /** The first variable of this template that has no value in the request, or null. */
    Variable firstUndefined(RequestContext context) {
        if (!hasVariables) {
            return null;
        }
        for (Part part : parts) {
            if (part instanceof Variable variable && valueOf(variable, context) == null) {
                return variable;
            }
        }
        return null;
    }

    /** Compares the resolved template with the subject, as plain text, without allocating. */
    Match matchesExactly(String subject, RequestContext context, boolean ignoreCase) {
        if (firstUndefined(context) != null) {
            return Match.UNDEFINED;
        }
        int at = 0;
        for (Part part : parts) {
            String piece;
            if (part instanceof Text text) {
                piece = text.text();
            } else if (part instanceof Variable variable) {
                piece = valueOf(variable, context);
            } else {
                char c = ((Escaped) part).character();
                if (at >= subject.length() || !sameChar(c, subject.charAt(at), ignoreCase)) {
                    return Match.NO;
                }
                at++;
                continue;
            }
            if (!subject.regionMatches(ignoreCase, at, piece, 0, piece.length())) {
                return Match.NO;
            }
            at += piece.length();
        }
        return at == subject.length() ? Match.YES : Match.NO;
    }

    private static boolean sameChar(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Glob.fold(a) == Glob.fold(b));
    }

    /**
     * Writes the glob tokens of the resolved template into the buffer: wildcards from policy text,
     * literal characters from variables and escapes. False when a variable is undefined.
     */
    boolean resolveInto(RequestContext context, TokenBuffer buffer) {
        buffer.clear();
        for (int p = 0; p < parts.length; p++) {
            Part part = parts[p];
            if (part instanceof Text text) {
                // Tokenised here rather than at parse time: most templates are never resolved, and
                // policy text between variables is short.
                buffer.addPattern(text.text());
            } else if (part instanceof Variable variable) {
                String s = valueOf(variable, context);
                if (s == null) {
                    return false;
                }
                buffer.addLiteral(s);
            } else {
                buffer.add(((Escaped) part).character());
            }
        }
        return true;
    }

    /** The glob of a template without variables, compiled once at parse time; null if it has variables. */
    Glob staticGlob() {
        if (hasVariables) {
            return null;
        }
        if (parts.length == 1 && parts[0] instanceof Text text) {
            return Glob.compile(text.text());
        }
        int length = 0;
        for (Part part : parts) {
            length += part instanceof Text text ? text.text().length() : 1;
        }
        int[] tokens = new int[length];
        int at = 0;
        for (Part part : parts) {
            if (part instanceof Text text) {
                for (int i = 0; i < text.text().length(); i++) {
                    tokens[at++] = Glob.wildcardToken(text.text().charAt(i));
                }
            } else {
                tokens[at++] = ((Escaped) part).character();
            }
        }
        return new Glob(tokens);
    }

    /** Whether the template is plain policy text: no variables and no escapes. */
    boolean isPlainText() {
        return parts.length == 1 && parts[0] instanceof Text;
    }

    /**
     * Splits on {@code separator} in policy text (never inside a variable), into at most
     * {@code maxParts} templates; the last one keeps any further separators.
     */
    List<Template> split(char separator, int maxParts) {
        List<Template> out = new ArrayList<>(maxParts);
        List<Part> current = new ArrayList<>(4);
        for (Part part : parts) {
            if (part instanceof Text text) {
                String s = text.text();
                int start = 0;
                int at;
                while (out.size() < maxParts - 1 && (at = s.indexOf(separator, start)) >= 0) {
                    addText(current, s, start, at);
                    out.add(segment(current));
                    current.clear();
                    start = at + 1;
                }
                addText(current, s, start, s.length());
            } else {
                current.add(part);
            }
        }
        out.add(segment(current));
        return out;
    }

    /** The text of the first part when that part is policy text, else null. */
    String leadingText() {
        return parts.length > 0 && parts[0] instanceof Text text ? text.text() : null;
    }

    /**
     * The last segment {@link #split} gives when all its separators lie in the leading text (see
     * {@link #leadingText}), the last of them just before {@code from}: the same template, made
     * without the segments before it.
     */
    Template tailFrom(int from) {
        List<Part> rest = new ArrayList<>(parts.length);
        String lead = ((Text) parts[0]).text();
        addText(rest, lead, from, lead.length());
        for (int p = 1; p < parts.length; p++) {
            if (parts[p] instanceof Text text) {
                addText(rest, text.text(), 0, text.text().length());
            } else {
                rest.add(parts[p]);
            }
        }
        return segment(rest);
    }

    private static void addText(List<Part> parts, String text, int from, int to) {
        if (to > from) {
            parts.add(new Text(from == 0 && to == text.length() ? text : text.substring(from, to)));
        }
    }

    /** A template of the given parts, its source written back from them. */
    private static Template segment(List<Part> parts) {
        if (parts.size() == 1 && parts.get(0) instanceof Text text) {
            return new Template(text.text());
        }
        StringBuilder source = new StringBuilder();
        for (Part part : parts) {
            source.append(part instanceof Text text ? text.text() : sourceOf(part));
        }
        return new Template(source.toString(), parts);
    }

    private static String sourceOf(Part part) {
        if (part instanceof Variable variable) {
            return variable.defaultValue() == null ? "${" + variable.key() + "}"
                    : "${" + variable.key() + ", '" + variable.defaultValue() + "'}";
        }
        return "${" + ((Escaped) part).character() + "}";
    }

    /** Whether policy text (not variables) holds a {@code *} or {@code ?}. */
    boolean hasWildcards() {
        for (Part part : parts) {
            if (part instanceof Text text && (text.text().indexOf('*') >= 0 || text.text().indexOf('?') >= 0)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source;
    }
}
