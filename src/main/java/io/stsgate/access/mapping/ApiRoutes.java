package io.stsgate.access.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import io.stsgate.directory.HttpApi;
import io.stsgate.directory.RouteTemplate;
import io.stsgate.engine.AccessQuestion;

/**
 * The declarative mapping of an HTTP API that is not S3 (the directory's {@link HttpApi}): routes of method and path
 * template, each naming the IAM action and the resource ARN template (with the path's variables). The first matching
 * route wins; no match is denied.
 */
public record ApiRoutes(HttpApi api) {

    public String name() {
        return api.name();
    }

    /** The SigV4 service name the API's clients sign for. */
    public String service() {
        return api.service();
    }

    public Mapping map(HttpCall call) {
        for (HttpApi.Route route : api.routes()) {
            Optional<AccessQuestion> question = match(route, call);
            if (question.isPresent()) {
                return new Mapping.Mapped(route.action(), List.of(question.get()));
            }
        }
        return new Mapping.Unmapped("no route of API '" + api.name() + "' maps " + call.method() + " "
                + call.rawPath());
    }

    private static Optional<AccessQuestion> match(HttpApi.Route route, HttpCall call) {
        if (!route.method().equals("*") && !route.method().equals(call.method())) {
            return Optional.empty();
        }
        return route.path().match(call.rawPath()).map(values -> new AccessQuestion(route.action(),
                fill(route.resource(), values), null, List.of(), Map.of()));
    }

    private static String fill(String resource, Map<String, String> values) {
        Matcher m = RouteTemplate.VARIABLE.matcher(resource);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
