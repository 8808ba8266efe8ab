package io.stsgate.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP calls to Keycloak. Failures name the operation and Keycloak's error code, never the request (which may
 * hold a password) or a token.
 */
final class KeycloakHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private KeycloakHttp() {
    }

    static JsonNode postForm(URI uri, Map<String, String> form, String what) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(uri, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return json(expect(send(request, what), 200, what), what);
    }

    static JsonNode getJson(URI uri, String bearer, String what) {
        return json(getText(uri, bearer, what), what);
    }

    static String getText(URI uri, String bearer, String what) {
        return expect(send(request(uri, bearer).GET().build(), what), 200, what);
    }

    /** POSTs JSON and returns the {@code Location} of the created resource. */
    static URI postJson(URI uri, String bearer, JsonNode body, String what) {
        HttpResponse<String> response = send(request(uri, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), what);
        expect(response, 201, what);
        return response.headers().firstValue("Location").map(URI::create)
                .orElseThrow(() -> new KeycloakException(what + ": no Location header in the response"));
    }

    static void putJson(URI uri, String bearer, JsonNode body, String what) {
        expect(send(request(uri, bearer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), what), 204, what);
    }

    /** Status code of a GET, or -1 when nothing answers (used while waiting for start-up). */
    static int probe(URI uri, Duration timeout) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("Interrupted while probing " + uri, e);
        }
    }

    private static HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, */*");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeycloakException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException(what + " interrupted", e);
        }
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new KeycloakException(what + " failed: HTTP " + response.statusCode() + describeError(response.body()));
        }
        return response.body();
    }

    /** Keycloak's error code and description; other bodies (HTML pages) are left out. */
    private static String describeError(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            StringBuilder text = new StringBuilder();
            for (String field : new String[] { "error", "error_description", "errorMessage" }) {
                if (error.hasNonNull(field)) {
                    text.append(' ').append(field).append('=').append(error.get(field).asText());
                }
            }
            return text.toString();
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static JsonNode json(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new KeycloakException(what + ": the response is not JSON");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
