package io.stsgate.api.admin;

import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads a request body into the declarative file's entry record. Unknown fields are refused with the field's name,
 * as the file loader refuses them. What a GET returned besides the entry ({@code key}, {@code version}, ...) is
 * dropped, so a client can send back what it read with its changes.
 */
final class EntryBody {

    /** What responses add to an entry; read-only, ignored in requests. */
    static final Set<String> READ_ONLY = Set.of("key", "arn", "accountId", "version", "createdAt", "updatedAt");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EntryBody() {
    }

    /** The body as {@code type}; an empty body reads as {@code {}}. */
    static <T> T read(String body, Class<T> type, Set<String> alsoReadOnly) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            throw AdminProblem.invalid(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw AdminProblem.invalid(null, "the body must be a JSON object");
        }
        READ_ONLY.forEach(object::remove);
        alsoReadOnly.forEach(object::remove);
        try {
            return JSON.treeToValue(object, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ", " (known fields: ", ")"));
            throw AdminProblem.invalid(field(e), field(e) + ": unknown field" + known);
        } catch (JsonMappingException e) {
            throw AdminProblem.invalid(field(e), field(e) + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw AdminProblem.invalid(null, "the body cannot be read: " + e.getOriginalMessage());
        }
    }

    /** The JSON path of the offending field, such as {@code tags.team} or {@code clientIds[1]}. */
    private static String field(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
