package io.stsgate.api.authz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stsgate.access.mapping.HttpCall;
import io.stsgate.access.mapping.Mapping;
import io.stsgate.access.mapping.Mappings;
import io.stsgate.config.StsgateConfig;
import io.stsgate.crypto.ConstantTime;
import io.stsgate.crypto.Sha256;
import io.stsgate.engine.StsException;

/**
 * The decision API as nginx's {@code auth_request} sees it: the original request arrives as the subrequest's headers
 * ({@code X-Original-Method}, {@code X-Original-URI}, {@code X-Original-Host}, {@code X-Original-Authorization}, the
 * client's own {@code X-Amz-*} headers), a mapping turns it into questions, and the answer is a status with headers:
 * 200 and the principal, or 403 with the AWS error nginx renders as the client's error body. The payload line is the
 * signed {@code X-Amz-Content-Sha256}: nginx does not forward bodies.
 */
@ApplicationScoped
public class NginxFace {

    static final String KEY_HEADER = "X-Stsgate-Key";
    /** Headers nginx sets for stsgate (or that carry stsgate's key); never part of the client's signed request. */
    private static final Set<String> NGINX_HEADERS = Set.of("host", "connection", "authorization", "content-length",
            "x-stsgate-key", "x-original-method", "x-original-uri", "x-original-host", "x-original-authorization",
            "x-original-content-length", "x-original-remote-addr", "x-original-scheme");

    private final DecisionService decisions;
    private final Mappings mappings;
    private final Optional<String> keySha256;

    @Inject
    public NginxFace(DecisionService decisions, Mappings mappings, StsgateConfig config) {
        this.decisions = decisions;
        this.mappings = mappings;
        this.keySha256 = config.authz().nginxKeySha256().map(k -> k.trim().toLowerCase(Locale.ROOT));
    }

    /** The answer nginx gets: a status (200, 401 or 403) and headers. */
    record Answer(int status, Map<String, String> headers) {
    }

    /** Whether the subrequest carries the configured nginx key; none configured: nobody does. */
    boolean trusted(String key) {
        return keySha256.isPresent() && key != null
                && ConstantTime.equals(Sha256.hex(key.getBytes(StandardCharsets.UTF_8)), keySha256.get());
    }

    /**
     * @param api null for the built-in S3 mapping, else the name of an HTTP API of the directory
     * @param headers the subrequest's headers
     */
    Answer decide(String api, Map<String, List<String>> headers, String requestId) {
        Map<String, List<String>> in = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        in.putAll(headers);
        String method = first(in, "x-original-method");
        String uri = first(in, "x-original-uri");
        String service;
        if (api == null) {
            service = "s3";
        } else {
            var routes = mappings.api(api);
            if (routes.isEmpty()) {
                return error(requestId, "AccessDenied", "Access Denied", 403, "no API '" + api
                        + "' in the directory");
            }
            service = routes.get().service();
        }
        if (method == null || uri == null || !uri.startsWith("/")) {
            return error(requestId, "InvalidRequest", "nginx did not pass the original request", 400,
                    "X-Original-Method and X-Original-URI (starting with /) are required");
        }
        if (!decisions.accepts(service)) {
            return error(requestId, "AccessDenied", "Access Denied", 403, "service " + service
                    + " is not on stsgate.authz.services");
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        Map<String, List<String>> signed = new LinkedHashMap<>();
        in.forEach((name, values) -> {
            if (!NGINX_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                signed.put(name, values);
            }
        });
        String host = first(in, "x-original-host");
        if (host != null) {
            signed.put("host", List.of(host));
        }
        putIfPresent(signed, "authorization", first(in, "x-original-authorization"));
        putIfPresent(signed, "content-length", first(in, "x-original-content-length"));
        var call = new HttpCall(method, host, path, query, signed);
        Mapping mapping = api == null ? mappings.s3().map(call) : mappings.api(api).orElseThrow().map(call);
        var expected = new DecisionService.Expectation(service, null, first(in, "x-original-remote-addr"),
                "https".equalsIgnoreCase(first(in, "x-original-scheme")));
        var received = new DecisionRequest.ReceivedRequest(call.method(), path, query, signed, null, null);
        DecisionResponse response;
        try {
            response = decisions.decide(received, expected, mapping instanceof Mapping.Mapped m
                    ? m.questions()
                    : List.of(), requestId);
        } catch (StsException e) {
            return error(requestId, e.code().wireCode(), e.getMessage(), 400, e.detail());
        }
        if (!response.authenticated()) {
            var e = response.error();
            return clientError(requestId, service, e.code(), e.message(), e.httpStatus());
        }
        if (mapping instanceof Mapping.Unmapped unmapped) {
            decisions.auditUnmapped(requestId, expected, response.principal(), first(in, "user-agent"),
                    unmapped.reason());
            return error(requestId, "AccessDenied", "Access Denied", 403, unmapped.reason());
        }
        var operation = ((Mapping.Mapped) mapping).operation();
        for (DecisionResponse.Answer answer : response.decisions()) {
            if (!answer.allowed()) {
                return error(requestId, "AccessDenied", "Access Denied", 403, operation + ": " + answer.reason());
            }
        }
        return allowed(requestId, operation, response);
    }

    private static Answer allowed(String requestId, String operation, DecisionResponse response) {
        var principal = response.principal();
        var out = new LinkedHashMap<String, String>();
        out.put("X-Stsgate-Request-Id", requestId);
        out.put("X-Stsgate-Operation", operation);
        out.put("X-Stsgate-Principal-Arn", principal.arn());
        out.put("X-Stsgate-Account", principal.account());
        out.put("X-Stsgate-User-Id", principal.userId());
        out.put("X-Stsgate-Principal-Type", principal.type());
        if (principal.sessionTags() != null && !principal.sessionTags().isEmpty()) {
            var tags = new ArrayList<String>();
            principal.sessionTags().forEach((k, v) -> tags.add(encode(k) + "=" + encode(v)));
            out.put("X-Stsgate-Session-Tags", String.join("&", tags));
        }
        if (principal.sourceIdentity() != null) {
            out.put("X-Stsgate-Source-Identity", encode(principal.sourceIdentity()));
        }
        out.put("X-Stsgate-Cache-Seconds", Long.toString(response.cacheSeconds()));
        return new Answer(200, out);
    }

    /** S3 clients know S3's names and statuses for these refusals; other services get AWS's generic ones. */
    private static Answer clientError(String requestId, String service, String code, String message, int status) {
        if (service.equals("s3")) {
            switch (code) {
                case "InvalidClientTokenId" -> {
                    return error(requestId, "InvalidAccessKeyId",
                            "The AWS Access Key Id you provided does not exist in our records.", 403, null);
                }
                case "ExpiredToken" -> {
                    return error(requestId, code, "The provided token has expired.", 400, null);
                }
                case "MissingAuthenticationToken" -> {
                    return error(requestId, "AccessDenied", "Access Denied", 403, "the request is not signed");
                }
                default -> {
                    // SignatureDoesNotMatch, AccessDenied (a revoked session), RequestTimeTooSkewed-like expiries.
                }
            }
        }
        return error(requestId, code, message, status, null);
    }

    /**
     * A refusal for the client: 403 to nginx (auth_request knows 401 and 403 only), the AWS code, message and status
     * in headers. {@code reason} is for nginx's log, never sent to the client by the shipped configuration.
     */
    private static Answer error(String requestId, String code, String message, int status, String reason) {
        var out = new LinkedHashMap<String, String>();
        out.put("X-Stsgate-Request-Id", requestId);
        out.put("X-Stsgate-Error-Code", code);
        out.put("X-Stsgate-Error-Message", xmlText(message));
        out.put("X-Stsgate-Error-Status", Integer.toString(status));
        if (reason != null) {
            out.put("X-Stsgate-Deny-Reason", xmlText(reason));
        }
        return new Answer(403, out);
    }

    /**
     * XML-escaped ASCII, so nginx can put it in the S3 error document and in a header as it is; control characters
     * (not even XML 1.0 character references may carry them) become spaces.
     */
    static String xmlText(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(' ');
                    } else if (c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append("&#").append(c).append(';');
                    }
                }
            }
        });
        return out.toString().trim();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void putIfPresent(Map<String, List<String>> headers, String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(name, List.of(value));
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
