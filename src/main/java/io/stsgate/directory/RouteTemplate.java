package io.stsgate.directory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template of a declarative route: literal segments, {@code {name}} for one segment and a last {@code {name+}}
 * for the rest of the path. Segments are compared decoded; a variable never matches {@code .}, {@code ..} or a segment
 * that decodes to a slash, so a value cannot step outside the resource it names.
 */
public final class RouteTemplate {

    public static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]{0,63})(\\+?)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*,;=:@%-]*");

    private final String text;
    private final List<Segment> segments;

    private record Segment(String literal, String variable, boolean rest) {
    }

    private RouteTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** The template, or a message saying what is wrong with it. */
    public static Result parse(String text) {
        if (text == null || !text.startsWith("/") || text.length() > 1024) {
            return new Result(null, "must start with / (at most 1024 characters)");
        }
        var segments = new ArrayList<Segment>();
        var names = new ArrayList<String>();
        String[] parts = text.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.contains("{") || part.contains("}")) {
                Matcher m = VARIABLE.matcher(part);
                if (!m.matches()) {
                    return new Result(null, "segment '" + part + "' must be a literal or a whole {name} / {name+}");
                }
                if (names.contains(m.group(1))) {
                    return new Result(null, "variable {" + m.group(1) + "} appears twice");
                }
                boolean rest = !m.group(2).isEmpty();
                if (rest && i != parts.length - 1) {
                    return new Result(null, "{" + m.group(1) + "+} must be the last segment");
                }
                names.add(m.group(1));
                segments.add(new Segment(null, m.group(1), rest));
            } else if (!LITERAL.matcher(part).matches()) {
                return new Result(null, "segment '" + part + "' has characters a path does not carry unencoded");
            } else {
                segments.add(new Segment(decode(part), null, false));
            }
        }
        return new Result(new RouteTemplate(text, List.copyOf(segments)), null);
    }

    public record Result(RouteTemplate template, String problem) {
    }

    public List<String> variables() {
        return segments.stream().filter(s -> s.variable() != null).map(Segment::variable).toList();
    }

    /** The variables' decoded values when {@code rawPath} matches, else empty. */
    public Optional<Map<String, String>> match(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.rest()) {
                if (i >= parts.length) {
                    return Optional.empty();
                }
                var rest = new ArrayList<String>();
                for (int j = i; j < parts.length; j++) {
                    String value = variableValue(parts[j]);
                    if (value == null) {
                        return Optional.empty();
                    }
                    rest.add(value);
                }
                values.put(segment.variable(), String.join("/", rest));
                return Optional.of(values);
            }
            if (i >= parts.length) {
                return Optional.empty();
            }
            if (segment.literal() != null) {
                if (!segment.literal().equals(decode(parts[i]))) {
                    return Optional.empty();
                }
            } else {
                String value = variableValue(parts[i]);
                if (value == null) {
                    return Optional.empty();
                }
                values.put(segment.variable(), value);
            }
        }
        return parts.length == segments.size() ? Optional.of(values) : Optional.empty();
    }

    private static String variableValue(String raw) {
        String value = decode(raw);
        return value.isEmpty() || value.equals(".") || value.equals("..") || value.contains("/") ? null : value;
    }

    /** Percent-decodes a path segment ({@code +} stays a plus in paths; SigV4 clients encode it). */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
