package io.stsgate.policy;

import java.util.List;
import java.util.Map;

/** A parsed JSON value. Numbers keep their lexeme: policies compare them as text or as decimals. */
sealed interface JsonValue {

    /**
     * A JSON object; {@code duplicateKey} names the first repeated key, or is null. The map is the
     * reader's own and nobody modifies it afterwards; a read-only wrapper would allocate per entry.
     */
    record JsonObject(Map<String, JsonValue> members, String duplicateKey) implements JsonValue {
        public JsonObject {
            if (!(members instanceof JsonMembers)) {
                JsonMembers copy = new JsonMembers();
                members.forEach(copy::add);
                members = copy;
            }
        }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            // The reader hands over a fresh list, so a read-only view is enough.
            elements = java.util.Collections.unmodifiableList(elements);
        }
    }

    record JsonString(String value) implements JsonValue {
    }

    record JsonNumber(String lexeme) implements JsonValue {
    }

    record JsonBoolean(boolean value) implements JsonValue {
    }

    record JsonNull() implements JsonValue {
    }
}
