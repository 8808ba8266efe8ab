package io.stsgate.policy;

import java.util.Arrays;
import java.util.List;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonBoolean;
import io.stsgate.policy.JsonValue.JsonNull;
import io.stsgate.policy.JsonValue.JsonNumber;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/** Builds the tree of values from a validated {@link JsonTape}, for readers that want objects, not the tape. */
final class JsonTree {

    private static final JsonBoolean TRUE = new JsonBoolean(true);
    private static final JsonBoolean FALSE = new JsonBoolean(false);
    private static final JsonNull NULL = new JsonNull();
    private static final JsonArray EMPTY_ARRAY = new JsonArray(List.of());
    private static final String[] NO_KEYS = {};
    private static final int[] NO_HASHES = {};
    private static final JsonValue[] NO_VALUES = {};

    private JsonTree() {
    }

    static JsonValue of(JsonTape tape, int node) {
        switch (tape.kind(node)) {
            case JsonTape.OBJECT: {
                int n = tape.size(node);
                if (n == 0) {
                    return new JsonObject(new JsonMembers(NO_KEYS, NO_HASHES, NO_VALUES), null);
                }
                String[] keys = new String[n];
                int[] hashes = new int[n];
                JsonValue[] values = new JsonValue[n];
                int i = 0;
                for (int key = JsonTape.first(node), end = tape.end(node); key < end; key = tape.nextKey(key)) {
                    if (!tape.repeated(key)) {
                        keys[i] = tape.string(key);
                        hashes[i] = tape.keyHash(key);
                        values[i++] = of(tape, JsonTape.value(key));
                    }
                }
                int repeated = tape.repeatedKey(node);
                return new JsonObject(new JsonMembers(keys, hashes, values), repeated < 0 ? null : tape.string(repeated));
            }
            case JsonTape.ARRAY: {
                int n = tape.size(node);
                if (n == 0) {
                    return EMPTY_ARRAY;
                }
                JsonValue[] elements = new JsonValue[n];
                int i = 0;
                for (int element = JsonTape.first(node), end = tape.end(node); element < end; element = tape.next(element)) {
                    elements[i++] = of(tape, element);
                }
                return new JsonArray(Arrays.asList(elements));
            }
            case JsonTape.STRING:
                return new JsonString(tape.string(node));
            case JsonTape.NUMBER:
                return new JsonNumber(tape.string(node));
            case JsonTape.TRUE:
                return TRUE;
            case JsonTape.FALSE:
                return FALSE;
            default:
                return NULL;
        }
    }
}
