package io.stsgate.directory;

import java.util.List;

/**
 * Beyond AWS: an HTTP API that is not S3, protected by the nginx face ({@code /authz/v1/nginx/apis/<name>}). Its routes
 * map a method and a path template to the IAM action and the resource ARN template (with the path's variables) a
 * request asks for; the first matching route wins.
 *
 * @param name unique in the directory
 * @param service the SigV4 service name its clients sign for (the nginx face accepts it when it is on
 *        {@code stsgate.authz.services})
 */
public record HttpApi(String name, String service, List<Route> routes) {

    public HttpApi {
        routes = List.copyOf(routes);
    }

    /** A validated route; {@code method} {@code *} matches every method. */
    public record Route(String method, RouteTemplate path, String action, String resource) {
    }
}
