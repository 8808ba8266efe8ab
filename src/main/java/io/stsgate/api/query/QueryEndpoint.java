package io.stsgate.api.query;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The AWS STS Query endpoint: {@code POST /} with a form body and {@code GET /} with a query string. Everything here
 * is HTTP plumbing; {@link QueryDispatcher} does the work on the event loop, and moves requests that need the store
 * (MFA, SAML replay) to the store's own threads with a bounded wait: no blocking I/O on the loop.
 */
@Path("/")
public class QueryEndpoint {

    @Inject
    QueryDispatcher dispatcher;
    @Inject
    Clock clock;

    @POST
    @NonBlocking
    @Operation(hidden = true)
    public Uni<Response> post(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return dispatcher.dispatch(query(request, headers, body == null ? new byte[0] : body)).map(this::reply);
    }

    @GET
    @NonBlocking
    @Operation(hidden = true)
    public Uni<Response> get(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return dispatcher.dispatch(query(request, headers, new byte[0])).map(this::reply);
    }

    private static QueryRequest query(HttpServerRequest request, HttpHeaders headers, byte[] body) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> all.put(name, new ArrayList<>(values)));
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new QueryRequest(request.method().name(), request.path(), request.query(), all, body,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), remote, request.isSSL(),
                headers.getHeaderString(HttpHeaders.USER_AGENT));
    }

    private Response reply(QueryDispatcher.Reply reply) {
        return Response.status(reply.status())
                .type("text/xml")
                .header("x-amzn-RequestId", reply.requestId())
                // SDKs correct their clock skew from this header.
                .header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock)))
                .entity(reply.body())
                .build();
    }
}
