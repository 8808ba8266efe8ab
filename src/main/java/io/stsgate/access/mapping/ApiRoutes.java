package io.stsgate.access.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import io.stsgate.engine.AccessQuestion;

/**
 * A declarative mapping for an HTTP API that is not S3: routes of method and path template, each naming the IAM action
 * and the resource ARN template (with the path's variables). The first matching route wins; no match is denied.
 *
 * @param name the API's name in the mapping file (the nginx face's {@code /authz/v1/nginx/apis/<name>})
 * @param service the SigV4 service name its clients sign for
 */
public record ApiRoutes(String name, String service, List<Route> routes) {

    public ApiRoutes {
        routes = List.copyOf(routes);
    }

    /** A validated route; {@code method} {@code *} matches every method. */
    public record Route(String method, RouteTemplate path, String action, String resource) {

        Optional<AccessQuestion> match(HttpCall call) {
            if (!method.equals("*") && !method.equals(call.method())) {
                return Optional.empty();
            }
            return path.match(call.rawPath()).map(values -> new AccessQuestion(action, fill(values), null, List.of(),
                    Map.of()));
        }

        private String fill(Map<String, String> values) {
            Matcher m = RouteTemplate.VARIABLE.matcher(resource);
            var out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    public Mapping map(HttpCall call) {
        for (Route route : routes) {
            Optional<AccessQuestion> question = route.match(call);
            if (question.isPresent()) {
                return new Mapping.Mapped(route.action(), List.of(question.get()));
            }
        }
        return new Mapping.Unmapped("no route of API '" + name + "' maps " + call.method() + " " + call.rawPath());
    }
}
