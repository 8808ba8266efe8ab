package io.stsgate.policy;

import java.util.Iterator;
import java.util.Map;

import io.stsgate.policy.JsonValue.JsonArray;
import io.stsgate.policy.JsonValue.JsonBoolean;
import io.stsgate.policy.JsonValue.JsonNumber;
import io.stsgate.policy.JsonValue.JsonObject;
import io.stsgate.policy.JsonValue.JsonString;

/** Writes a {@link JsonValue} back to JSON text, so corpus documents can be handed to the parser. */
final class JsonText {

    private JsonText() {
    }

    static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonValue> member = members.next();
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
                if (members.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.elements().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonString string) {
            string(string.value(), out);
        } else if (value instanceof JsonNumber number) {
            out.append(number.lexeme());
        } else if (value instanceof JsonBoolean bool) {
            out.append(bool.value());
        } else {
            out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
